import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.notifier.handler.NotifierSettings;
import dev.securitywatch.notifier.handler.NotifierStores;
import dev.securitywatch.notifier.handler.NotifierWiring;
import dev.securitywatch.notifier.service.NotifierLog;
import dev.securitywatch.notifier.service.OutboundMessage;
import dev.securitywatch.chat.delivery.ChatHttp;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.Pacer;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.SlackDestination;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Warm path, run by warm-path.sh (not a test): render, and render + post to a local webhook, N events in one JVM.
 * The events are every message of the given corpus folders, cycled to N.
 */
public class WarmPath {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        ObjectMapper mapper = new ObjectMapper();
        NotifierWiring runtime = NotifierWiring.create(NotifierSettings.fromEnvironment(Map.of(), mapper),
                NotifierStores.inMemory(), null, new NotifierLog(), mapper);
        List<InboundMessage> all = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            try (Stream<Path> files = Files.walk(Path.of(args[i]))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    all.addAll(runtime.parser().parseText(Files.readString(file)));
                }
            }
        }
        List<InboundMessage> events = new ArrayList<>();
        for (int i = 0; events.size() < n; i++) {
            events.add(all.get(i % all.size()));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] ok = "ok".getBytes();
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
        SlackDestination webhook = new SlackDestination.Webhook(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/services/bench"));
        // Unpaced: this measures the cost of a post, not Slack's rate.
        SlackSender sender = SlackSender.create(ChatHttp.client(), Pacer.NONE);
        try {
            for (int round = 1; round <= 5; round++) {
                long chars = 0;
                long start = System.nanoTime();
                for (InboundMessage event : events) {
                    chars += runtime.service().render(event).slack().json().length();
                }
                long renderNanos = System.nanoTime() - start;
                start = System.nanoTime();
                for (InboundMessage event : events) {
                    OutboundMessage message = runtime.service().render(event);
                    sender.send(webhook, message.slack(), null, Deadline.after(Duration.ofSeconds(10)));
                }
                long postNanos = System.nanoTime() - start;
                System.out.printf("round %d: %d events (%d distinct), render %.3f ms/event (avg payload %d chars),"
                        + " render+post %.3f ms/event%n", round, n, all.size(), renderNanos / 1e6 / n, chars / n,
                        postNanos / 1e6 / n);
            }
        } finally {
            server.stop(0);
        }
    }
}
