package io.isolane.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker (with every catalogue topic) and a real
 * PostgreSQL database of its own. Use with the init arg {@code database}, the service's database
 * name:
 *
 * <pre>
 * &#64;WithTestResource(value = IsolaneTestResource.class,
 *     initArgs = &#64;ResourceArg(name = "database", value = "sending"))
 * </pre>
 *
 * Broker and server live as long as the test JVM; {@link #stop()} leaves them to later tests.
 */
public class IsolaneTestResource implements QuarkusTestResourceLifecycleManager {
  private String database = "isolane";

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", database);
  }

  @Override
  public Map<String, String> start() {
    String kafka = KafkaBroker.bootstrapServers();
    PgServer pg = Postgres.database(database);
    return Map.of(
        "kafka.bootstrap.servers", kafka,
        "quarkus.datasource.username", pg.user(),
        "quarkus.datasource.password", pg.password(),
        "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
        "quarkus.datasource.reactive.url", pg.reactiveUrl(database));
  }

  @Override
  public void stop() {
    // shared by every test class of the JVM; stopped by shutdown hooks (and the PG reaper)
  }
}
