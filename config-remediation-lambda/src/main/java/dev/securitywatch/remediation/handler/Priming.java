package dev.securitywatch.remediation.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.lambdakit.snapstart.SnapStartPriming;
import dev.securitywatch.remediation.evaluation.DryRun;
import dev.securitywatch.remediation.evaluation.InvocationReport;
import dev.securitywatch.remediation.invocation.InvocationParser;
import dev.securitywatch.remediation.plan.RemediationPlanner;
import dev.securitywatch.remediation.result.ResultJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * SnapStart priming: before the snapshot, run a violating sample through parsing, planning, annotation and
 * result JSON offline, so restored containers start with those classes loaded and JIT-warmed. No AWS calls.
 */
final class Priming extends SnapStartPriming {
    private static final String SAMPLE = "priming/violating-group-event.json";
    private static final int ROUNDS = 50;

    private final RemediationPlanner planner;
    private final InvocationParser parser;
    private final ObjectMapper mapper;

    Priming(RemediationPlanner planner, InvocationParser parser, ObjectMapper mapper) {
        this.planner = planner;
        this.parser = parser;
        this.mapper = mapper;
    }

    @Override
    protected void prime() {
        JsonNode event = sample(mapper);
        for (int i = 0; i < ROUNDS; i++) {
            InvocationReport report = DryRun.run(parser.parse(event), planner, "us-east-1");
            report.results().forEach(ResultJson::detail);
        }
    }

    private static JsonNode sample(ObjectMapper mapper) {
        try (InputStream in = Priming.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("missing priming sample " + SAMPLE);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
