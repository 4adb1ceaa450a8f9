package local.neo4j;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j Community embedded with a Bolt connector on 127.0.0.1, so the service and its tests
 * get a real Neo4j 5 on machines without a Docker engine.
 *
 * Usage: java -cp ... local.neo4j.LocalNeo4j <dataDir> <boltPort> <pageCache e.g. 256m> [setting=value...]
 *
 * The optional settings are the transaction limits, named as in neo4j.conf:
 * db.memory.transaction.max (one transaction's memory), dbms.memory.transaction.total.max (all
 * transactions together) and db.transaction.timeout (for a transaction that sets none itself).
 * With them a transaction that asks for too much fails alone with a memory error, instead of the
 * JVM running out of heap and every client losing the database.
 *
 * Prints exactly one line starting with "NEO4J_LOCAL_READY" once Bolt accepts connections, or one
 * line starting with "NEO4J_LOCAL_FAILED" and exits 1; the Node side waits for either.
 * Authentication is off: the server only listens on loopback and holds development data.
 */
public final class LocalNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      fail("usage: LocalNeo4j <dataDir> <boltPort> <pageCache>");
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    String pageCache = args[2];
    Map<Setting<?>, Object> limits = new HashMap<>();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      String name = eq < 0 ? args[i] : args[i].substring(0, eq);
      String value = eq < 0 ? "" : args[i].substring(eq + 1);
      try {
        switch (name) {
          case "db.memory.transaction.max" -> limits.put(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.parse(value));
          case "dbms.memory.transaction.total.max" -> limits.put(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.parse(value));
          case "db.transaction.timeout" -> limits.put(GraphDatabaseSettings.transaction_timeout, SettingValueParsers.DURATION.parse(value));
          default -> fail("unknown setting " + name + ": the launcher takes db.memory.transaction.max, dbms.memory.transaction.total.max and db.transaction.timeout");
        }
      } catch (IllegalArgumentException e) {
        fail("bad value for " + name + " (" + value + "): " + e.getMessage());
      }
    }

    // Bolt binds lazily inside Neo4j's start-up; checking first turns a busy port into one clear
    // line instead of a long stack trace from deep inside the connector.
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress("127.0.0.1", port));
    } catch (Exception e) {
      fail("port 127.0.0.1:" + port + " is busy (" + e.getMessage() + "); stop what holds it or set NEO4J_LOCAL_PORT to a free port");
    }

    DatabaseManagementService dbms;
    try {
      dbms = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
          .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
          .setConfig(HttpConnector.enabled, false)
          .setConfig(GraphDatabaseSettings.auth_enabled, false)
          .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
          .setConfig(limits)
          .build();
    } catch (Throwable e) {
      String message = rootMessage(e);
      if (message.toLowerCase().contains("lock")) {
        fail("the data folder " + home + " is locked by another Neo4j; stop that process or set NEO4J_LOCAL_DATA to another folder (" + message + ")");
      }
      fail(message);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        dbms.shutdown();
      } finally {
        stopped.countDown();
      }
    }, "neo4j-local-shutdown"));

    try {
      // Waits for the default database to be online so the first Bolt query does not race start-up.
      dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    } catch (Throwable e) {
      fail("database did not come online: " + rootMessage(e));
    }

    // The Node process that started us holds our stdin open. When it goes away, even by SIGKILL,
    // stdin reaches EOF and we shut down, so a crashed test run never leaves a Neo4j behind.
    Thread parentWatch = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // ignore anything written to us
        }
      } catch (Exception ignored) {
        // a broken pipe means the parent is gone, the same as EOF
      }
      System.exit(0);
    }, "neo4j-local-parent-watch");
    parentWatch.setDaemon(true);
    parentWatch.start();

    String version = org.neo4j.kernel.internal.Version.getNeo4jVersion();
    System.out.println("NEO4J_LOCAL_READY bolt://127.0.0.1:" + port + " version=" + version + " data=" + home);
    System.out.flush();
    stopped.await();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      sb.append(" <- ").append(t.getMessage());
    }
    return sb.toString();
  }

  private static void fail(String message) {
    System.out.println("NEO4J_LOCAL_FAILED " + message.replace('\n', ' '));
    System.out.flush();
    System.exit(1);
  }
}
