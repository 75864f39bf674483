package dev.securitywatch.lambdakit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;

/**
 * The real log output while it is open: an appender on the root logger with the layout of the Lambdas' configured
 * appender (the Powertools JSON layout from {@code security-watch-log4j2.xml}), so a test reads exactly the lines
 * CloudWatch Logs would get.
 */
public final class LogCapture implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final LoggerContext context;
    private final WriterAppender appender;
    private final StringWriter text = new StringWriter();

    private LogCapture() {
        context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        Appender configured = configuration.getAppender("JsonAppender");
        if (configured == null) {
            throw new IllegalStateException("no JsonAppender: is security-watch-log4j2.xml the active configuration?");
        }
        appender = WriterAppender.newBuilder().setName("capture-" + NAMES.incrementAndGet())
                .setLayout(configured.getLayout()).setTarget(text).build();
        appender.start();
        configuration.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Everything logged so far, as written. */
    public String text() {
        return text.toString();
    }

    /** Every line as JSON; fails the test on a line that is not. */
    public List<JsonNode> lines() {
        return text().lines().map(line -> {
            try {
                return MAPPER.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON log line: " + line, e);
            }
        }).toList();
    }

    /** The lines with this exact message. */
    public List<JsonNode> withMessage(String message) {
        return lines().stream().filter(line -> message.equals(line.path("message").asText())).toList();
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
