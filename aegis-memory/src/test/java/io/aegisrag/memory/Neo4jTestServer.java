package io.aegisrag.memory;

import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A real Neo4j 5.26 (neo4j-harness, no authentication) listening for Bolt on a given loopback port
 * until the process is stopped: the integration tests' Liberty server keeps its temporal memory in it.
 * Usage: {@code Neo4jTestServer <bolt port> <working directory>}.
 */
public final class Neo4jTestServer {

    private Neo4jTestServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(Path.of(args[1]))
                .withDisabledServer()
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", Integer.parseInt(args[0])))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
        System.out.println("Neo4j listening on " + neo4j.boltURI());
        new CountDownLatch(1).await();
    }
}
