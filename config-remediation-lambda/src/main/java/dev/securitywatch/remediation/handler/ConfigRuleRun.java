package dev.securitywatch.remediation.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.lambdakit.json.JsonFields;
import dev.securitywatch.remediation.evaluation.InvocationReport;
import dev.securitywatch.remediation.evaluation.RemediationService;
import dev.securitywatch.remediation.invocation.ConfigInvocation;
import dev.securitywatch.remediation.invocation.InvalidInvocationException;
import dev.securitywatch.remediation.invocation.InvocationParser;
import java.util.Optional;

/**
 * One Config rule invocation, from its JSON to a logged and measured report: remediate, then report to Config.
 * Whatever was done is logged and counted even when Config cannot be told, before the exception makes Lambda
 * retry (the retry finds the groups fixed and changes nothing).
 */
final class ConfigRuleRun {
    private final InvocationParser parser;
    private final RemediationService service;
    private final Optional<String> configRule;
    private final InvocationLog log = new InvocationLog();

    /** @param configRule the stack's own rule; another rule of the account pointed at this function is refused */
    ConfigRuleRun(InvocationParser parser, RemediationService service, Optional<String> configRule) {
        this.parser = parser;
        this.service = service;
        this.configRule = configRule;
    }

    void run(JsonNode event) {
        ConfigInvocation invocation;
        InvocationReport report;
        try {
            requireOwnRule(event);
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

    /** Config names the invoking rule in every invocation; Lambda's permission can only say "Config, this account". */
    private void requireOwnRule(JsonNode event) {
        if (configRule.isEmpty()) {
            return;
        }
        String invokedBy = JsonFields.text(event, "configRuleName");
        if (!configRule.get().equals(invokedBy)) {
            throw new InvalidInvocationException("invoked by Config rule " + (invokedBy == null ? "(none named)"
                    : "'" + invokedBy + "'") + ", not this stack's rule '" + configRule.get()
                    + "': refused, nothing evaluated or changed");
        }
    }
}
