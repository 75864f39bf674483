package dev.securitywatch.chat.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.securitywatch.chat.SlackPayload;
import dev.securitywatch.chat.secret.SlackDestination;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Slack POST that reached the server but got no answer must not be sent again by the HTTP client itself: only
 * {@link RetryingPoster}'s own attempts, which it counts, may repeat it. A raw socket server on 127.0.0.1 reads each
 * request whole and then closes the connection (FIN) or resets it (RST) without a byte of answer, and counts every
 * POST that arrives.
 */
class OnePostPerAttemptTest {
    private static final SlackPayload PAYLOAD = SlackPayload.plainText("Security group changed");

    private SilentServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private static SlackSender sender(int attempts, RecordingSleeper sleeper) {
        return new SlackSender(ChatHttp.client(),
                RetryPolicy.equalJitter(attempts, Duration.ofMillis(10), Duration.ofMillis(10)).withRandom(() -> 0.0),
                Duration.ofSeconds(2), sleeper, URI.create("http://127.0.0.1:1/api/"), Pacer.NONE);
    }

    private SlackDestination webhook() {
        return new SlackDestination.Webhook(server.uri("/services/T0/B0/hook"));
    }

    @ParameterizedTest
    @EnumSource(SilentServer.Ending.class)
    void aPostThatGetsNoAnswerArrivesOncePerAttempt(SilentServer.Ending ending) throws IOException {
        server = new SilentServer(ending, 0);
        RecordingSleeper sleeper = new RecordingSleeper();

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> sender(3, sleeper).send(webhook(), PAYLOAD, null, Deadline.after(Duration.ofSeconds(10))));

        assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.EXHAUSTED);
        assertThat(failure.errorCode()).startsWith("io_error_");
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(sleeper.waits).hasSize(2);
        assertThat(server.posts()).as("POSTs at the server, one per attempt").isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(SilentServer.Ending.class)
    void aSingleAttemptIsASinglePost(SilentServer.Ending ending) throws IOException {
        server = new SilentServer(ending, 0);

        assertThatThrownBy(() -> sender(1, new RecordingSleeper()).send(webhook(), PAYLOAD, null,
                Deadline.after(Duration.ofSeconds(10)))).isInstanceOf(DeliveryException.class);

        assertThat(server.posts()).isEqualTo(1);
    }

    /**
     * The case {@code HttpURLConnection} re-sends silently: a kept-alive connection from the pool that dies after the
     * POST was written. The JDK's HttpClient only retries such a request when its method is idempotent.
     */
    @ParameterizedTest
    @EnumSource(SilentServer.Ending.class)
    void aPooledConnectionThatDiesAfterThePostIsNotResentByTheClient(SilentServer.Ending ending) throws Exception {
        server = new SilentServer(ending, 1);
        SlackSender sender = sender(1, new RecordingSleeper());
        assertThat(sender.send(webhook(), PAYLOAD, null, Deadline.after(Duration.ofSeconds(10))).attempts())
                .isEqualTo(1);
        // The client hands the connection back to its pool just after the answer completes.
        Thread.sleep(100);

        assertThatThrownBy(() -> sender.send(webhook(), PAYLOAD, null, Deadline.after(Duration.ofSeconds(10))))
                .isInstanceOf(DeliveryException.class);

        assertThat(server.connectionsOfPosts()).as("the second POST reused the pooled connection")
                .containsExactly(1, 1);
        assertThat(server.posts()).isEqualTo(2);
    }

    /** The harness sees a library's own resend: {@code HttpURLConnection}'s {@code sun.net.http.retryPost}. */
    @Test
    void controlTheHarnessCountsTheResendHttpUrlConnectionMakes() throws Exception {
        server = new SilentServer(SilentServer.Ending.CLOSE, 0);
        HttpURLConnection connection = (HttpURLConnection) server.uri("/services/T0/B0/hook").toURL()
                .openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setReadTimeout(2_000);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(PAYLOAD.json().getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(connection::getResponseCode).isInstanceOf(IOException.class);

        assertThat(server.posts()).as("one POST written by the caller, two at the server").isEqualTo(2);
    }

    /**
     * Reads each request whole (headers, then Content-Length bytes), answers the first {@code answered} of them with
     * 200 "ok" on a kept-alive connection, then ends the connection without answering.
     */
    static final class SilentServer implements AutoCloseable {
        enum Ending { CLOSE, RESET }

        private final ServerSocket socket;
        private final Ending ending;
        private final int answered;
        private final AtomicInteger connections = new AtomicInteger();
        private final List<Integer> postConnections = new ArrayList<>();
        private final Thread acceptor;

        SilentServer(Ending ending, int answered) throws IOException {
            this.ending = ending;
            this.answered = answered;
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.acceptor = new Thread(this::accept, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        synchronized int posts() {
            return postConnections.size();
        }

        /** The connection number (1-based, in accept order) each POST arrived on. */
        synchronized List<Integer> connectionsOfPosts() {
            return List.copyOf(postConnections);
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    int number = connections.incrementAndGet();
                    Thread handler = new Thread(() -> serve(client, number), "silent-server-" + number);
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket client, int number) {
            try (client) {
                InputStream in = client.getInputStream();
                while (true) {
                    String head = readHead(in);
                    if (head == null) {
                        return;
                    }
                    in.readNBytes(contentLength(head));
                    boolean answer;
                    synchronized (this) {
                        if (head.startsWith("POST ")) {
                            postConnections.add(number);
                        }
                        answer = postConnections.size() <= answered;
                    }
                    if (!answer) {
                        if (ending == Ending.RESET) {
                            client.setSoLinger(true, 0);
                        }
                        return;
                    }
                    client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                            + "Content-Length: 2\r\n\r\nok").getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                }
            } catch (IOException e) {
                // The client went away.
            }
        }

        /** The request line and headers up to the blank line; null at the end of the stream. */
        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                head.write(b);
                int n = head.size();
                byte[] bytes = head.toByteArray();
                if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r'
                        && bytes[n - 1] == '\n') {
                    return head.toString(StandardCharsets.US_ASCII);
                }
            }
            return null;
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    return Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            return 0;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
