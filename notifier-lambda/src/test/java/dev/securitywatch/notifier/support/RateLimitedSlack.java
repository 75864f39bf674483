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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Slack stand-in on 127.0.0.1 that enforces Slack's per-channel pace: a token bucket of {@code burst} posts
 * refilled at {@code perSecond}, and 429 with {@code Retry-After: 1} beyond it. It serves incoming webhooks
 * ({@code /services/<channel>}) and the Web API's {@code chat.postMessage} and {@code chat.update}, answering each post
 * with its channel and a new {@code ts}. It records every Web API call, and answers {@code thread_not_found} or
 * {@code message_not_found} for a message a test has {@link #delete deleted}. The pacing and thread tests and the
 * burst benchmark ({@code bench/burst}) share it.
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
    /** When the channel last got a message of its own (not a reply, not an update). */
    private volatile Instant lastChannelPost;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    /** One Web API call: {@code chat.postMessage} or {@code chat.update}, its JSON body and the ts it answered. */
    public record Call(String method, JsonNode body, String ts) {
        public boolean isReply() {
            return method.equals("chat.postMessage") && body.hasNonNull("thread_ts");
        }

        public boolean isUpdate() {
            return method.equals("chat.update");
        }

        public String text() {
            return body.toString();
        }
    }

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
        lastChannelPost = Instant.now();
        answer(exchange, 200, "ok");
    }

    private void api(HttpExchange exchange) throws IOException {
        JsonNode body = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        String channel = body.path("channel").asText("C-DEFAULT");
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        // Slack limits posts (replies too) per channel; chat.update has a per-method limit of its own.
        if (!take(method.equals("chat.update") ? "update:" + channel : channel)) {
            tooMany(exchange);
            return;
        }
        if (deleted.contains(body.path("thread_ts").asText("")) || (method.equals("chat.update")
                && deleted.contains(body.path("ts").asText("")))) {
            answer(exchange, 200, MAPPER.createObjectNode().put("ok", false).put("error",
                    method.equals("chat.update") ? "message_not_found" : "thread_not_found").toString());
            return;
        }
        if (method.equals("chat.update")) {
            updates.incrementAndGet();
        } else if (body.hasNonNull("thread_ts")) {
            replies.incrementAndGet();
        } else {
            posts.incrementAndGet();
            lastChannelPost = Instant.now();
        }
        String messageTs = method.equals("chat.update") ? body.path("ts").asText()
                : "1700000000." + String.format("%06d", ts.incrementAndGet());
        calls.add(new Call(method, body, messageTs));
        answer(exchange, 200, MAPPER.createObjectNode().put("ok", true).put("channel", channel).put("ts", messageTs)
                .toString());
    }

    /** When the channel last got a message of its own; null before the first. */
    public Instant lastChannelPost() {
        return lastChannelPost;
    }

    /** The Web API calls answered ok, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Deletes the message {@code ts}: replies to it and updates of it fail from now on. */
    public void delete(String ts) {
        deleted.add(ts);
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
