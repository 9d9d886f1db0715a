package io.isolane.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

/** Reads a service's rows over JDBC, for tests that assert on what was stored. */
public final class TestDatabase {
  private TestDatabase() {}

  /** A connection of its own, for a test that holds a transaction (and its locks) open. */
  public static Connection connect(String database) throws SQLException {
    PgServer pg = Postgres.database(database);
    return DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
  }

  /** The first column of the first row, as a string (null when there is no row). */
  public static String queryString(String database, String sql, Object... params) {
    PgServer pg = Postgres.database(database);
    try (Connection c =
            DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  /** Runs a statement that returns no rows (DDL, for example). */
  public static void execute(String database, String sql) {
    PgServer pg = Postgres.database(database);
    try (Connection c =
            DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("statement failed: " + sql, e);
    }
  }

  /** Polls {@link #queryString} until it returns {@code expected}; fails after {@code timeout}. */
  public static void awaitValue(
      String expected, Duration timeout, String database, String sql, Object... params) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      last = queryString(database, sql, params);
      if (Objects.equals(expected, last)) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("expected " + expected + " from " + sql + " but got " + last);
  }
}
