package dev.securitywatch.remediation.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.remediation.evaluation.InvocationReport;
import dev.securitywatch.remediation.evaluation.RemediationService;
import dev.securitywatch.remediation.invocation.ConfigInvocation;
import dev.securitywatch.remediation.invocation.InvalidInvocationException;
import dev.securitywatch.remediation.invocation.InvocationParser;

/**
 * One Config rule invocation, from its JSON to a logged and measured report: remediate, then report to Config.
 * Whatever was done is logged and counted even when Config cannot be told, before the exception makes Lambda
 * retry (the retry finds the groups fixed and changes nothing).
 */
final class ConfigRuleRun {
    private final InvocationParser parser;
    private final RemediationService service;
    private final InvocationLog log = new InvocationLog();

    ConfigRuleRun(InvocationParser parser, RemediationService service) {
        this.parser = parser;
        this.service = service;
    }

    void run(JsonNode event) {
        ConfigInvocation invocation;
        InvocationReport report;
        try {
            invocation = parser.parse(event);
            report = service.remediate(invocation);
        } catch (InvalidInvocationException e) {
            // Retrying cannot fix a malformed event, but failing keeps it visible in the Errors metric.
            log.rejected(e.getMessage());
            throw e;
        }
        try {
            report = report.withWarnings(service.reportToConfig(invocation.resultToken(), report.evaluations()));
        } catch (RuntimeException e) {
            log.failed(report, "evaluations not reported to Config: " + e.getMessage());
            RemediationMetrics.publish(report);
            throw e;
        }
        log.handled(report);
        RemediationMetrics.publish(report);
    }
}
