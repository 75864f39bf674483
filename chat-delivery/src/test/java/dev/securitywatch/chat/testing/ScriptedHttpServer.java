package dev.securitywatch.chat.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 that plays scripted answers in order and records every request. */
public final class ScriptedHttpServer implements AutoCloseable {

    public record Answer(int status, String body, Map<String, String> headers, long delayMillis) {
        public static Answer of(int status, String body) {
            return new Answer(status, body, Map.of(), 0);
        }

        public Answer withHeader(String name, String value) {
            return new Answer(status, body, Map.of(name, value), delayMillis);
        }

        public Answer delayedBy(long millis) {
            return new Answer(status, body, headers, millis);
        }
    }

    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    /** One thread per exchange, so a slow answer (timeout test) does not hold up the retry. */
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Recorded> requests = new ArrayList<>();
    private Answer fallbackAnswer = Answer.of(500, "script exhausted");

    public ScriptedHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            synchronized (this) {
                requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), body));
                answer = script.isEmpty() ? fallbackAnswer : script.poll();
            }
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            try {
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            } catch (IOException clientGone) {
                // The client timed out first: that is what a timeout test wants.
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    public synchronized ScriptedHttpServer answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** What every request gets once the script is used up (500 unless changed). */
    public synchronized ScriptedHttpServer otherwise(Answer answer) {
        fallbackAnswer = answer;
        return this;
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
