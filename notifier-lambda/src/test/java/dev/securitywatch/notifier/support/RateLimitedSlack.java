package dev.securitywatch.notifier.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Slack stand-in on 127.0.0.1 that enforces Slack's per-channel pace: a token bucket of {@code burst} posts
 * refilled at {@code perSecond}, and 429 with {@code Retry-After: 1} beyond it. It serves incoming webhooks
 * ({@code /services/<channel>}) and the Web API's {@code chat.postMessage} and {@code chat.update}. The pacing tests
 * and the burst benchmark ({@code bench/burst}) share it.
 */
public final class RateLimitedSlack implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final double perSecond;
    private final int burst;
    private final Map<String, double[]> buckets = new HashMap<>();
    public final AtomicInteger posts = new AtomicInteger();
    public final AtomicInteger replies = new AtomicInteger();
    public final AtomicInteger updates = new AtomicInteger();
    public final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger ts = new AtomicInteger();

    private final ExecutorService handlers = Executors.newFixedThreadPool(16);

    public RateLimitedSlack(double perSecond, int burst) throws IOException {
        this.perSecond = perSecond;
        this.burst = burst;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/services/", exchange -> webhook(exchange));
        server.createContext("/api/", exchange -> api(exchange));
        server.start();
    }

    public URI webhook(String channel) {
        return URI.create(base() + "/services/" + channel);
    }

    public URI apiBase() {
        return URI.create(base() + "/api/");
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void webhook(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String channel = exchange.getRequestURI().getPath().substring("/services/".length());
        if (!take(channel)) {
            tooMany(exchange);
            return;
        }
        posts.incrementAndGet();
        answer(exchange, 200, "ok");
    }

    private void api(HttpExchange exchange) throws IOException {
        JsonNode body = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        String channel = body.path("channel").asText("C-DEFAULT");
        if (!take(channel)) {
            tooMany(exchange);
            return;
        }
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        if (method.equals("chat.update")) {
            updates.incrementAndGet();
        } else if (body.hasNonNull("thread_ts")) {
            replies.incrementAndGet();
        } else {
            posts.incrementAndGet();
        }
        String messageTs = method.equals("chat.update") ? body.path("ts").asText()
                : "1700000000." + String.format("%06d", ts.incrementAndGet());
        answer(exchange, 200, MAPPER.createObjectNode().put("ok", true).put("channel", channel).put("ts", messageTs)
                .toString());
    }

    /** One token from the channel's bucket, refilled for the time since the last take. */
    private synchronized boolean take(String channel) {
        double now = System.nanoTime() / 1e9;
        double[] bucket = buckets.computeIfAbsent(channel, c -> new double[] {burst, now});
        bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) * perSecond);
        bucket[1] = now;
        if (bucket[0] < 1) {
            return false;
        }
        bucket[0] -= 1;
        return true;
    }

    private void tooMany(HttpExchange exchange) throws IOException {
        throttled.incrementAndGet();
        exchange.getResponseHeaders().add("Retry-After", "1");
        answer(exchange, 429, "rate_limited");
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        // HttpServer leaves its executor running; its threads would keep the JVM (a bench run) alive.
        handlers.shutdownNow();
    }
}
