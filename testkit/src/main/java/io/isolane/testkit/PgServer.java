package io.isolane.testkit;

/**
 * Where a test PostgreSQL server listens and how to log in as a user that may create databases.
 *
 * @param host host name
 * @param port TCP port
 * @param user superuser (or a user with CREATEDB)
 * @param password its password (may be empty)
 */
public record PgServer(String host, int port, String user, String password) {

  /** JDBC URL of a database on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** Vert.x reactive client URL of a database on this server. */
  public String reactiveUrl(String database) {
    return "postgresql://" + host + ":" + port + "/" + database;
  }
}
