package io.isolane.testkit;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * One real PostgreSQL server per test JVM, chosen in this order:
 *
 * <ol>
 *   <li>{@code ISOLANE_TEST_PG_URL} (a JDBC URL such as {@code
 *       jdbc:postgresql://localhost:5432/postgres}, with {@code ISOLANE_TEST_PG_USER} and {@code
 *       ISOLANE_TEST_PG_PASSWORD}): an existing server;
 *   <li>a Testcontainers container, when a Docker engine answers;
 *   <li>an embedded server whose binaries come from Maven ({@link EmbeddedPostgresServer}).
 * </ol>
 *
 * Each service gets its own database on that server, as in production.
 */
public final class Postgres {
  private static final Logger LOG = Logger.getLogger(Postgres.class);
  private static final Pattern DATABASE_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
  private static PgServer server;

  private Postgres() {}

  /** The server, started on first use. */
  public static synchronized PgServer server() {
    if (server == null) {
      server = choose();
    }
    return server;
  }

  /** Creates database {@code name} unless it exists, and returns the server that holds it. */
  public static synchronized PgServer database(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    PgServer pg = server();
    try (Connection c =
            DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          try (Statement create = c.createStatement()) {
            create.execute("CREATE DATABASE " + name);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return pg;
  }

  private static PgServer choose() {
    String url = System.getenv("ISOLANE_TEST_PG_URL");
    if (url != null && !url.isBlank()) {
      URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
      LOG.infof("PostgreSQL from ISOLANE_TEST_PG_URL: %s:%d", uri.getHost(), uri.getPort());
      return new PgServer(
          uri.getHost(),
          uri.getPort() < 0 ? 5432 : uri.getPort(),
          envOr("ISOLANE_TEST_PG_USER", "postgres"),
          envOr("ISOLANE_TEST_PG_PASSWORD", ""));
    }
    if (ContainerPostgres.dockerAvailable()) {
      return ContainerPostgres.start();
    }
    return EmbeddedPostgresServer.start();
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
