package io.mutuality.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/** The Redis that tests needing one use: {@code MUTUALITY_REDIS_URL}, else 127.0.0.1:6379. Such tests are skipped where none answers. */
public final class LocalRedis {

    public static final String URL = System.getenv().getOrDefault("MUTUALITY_REDIS_URL", "redis://127.0.0.1:6379");

    /** An address where nothing listens: a Redis that never answers. */
    public static final String NOWHERE = "redis://127.0.0.1:1";

    private LocalRedis() {}

    /** Whether something accepts connections at {@link #URL}'s host and port. */
    public static boolean reachable() {
        URI uri = URI.create(URL);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
