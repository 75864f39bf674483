package dev.securitywatch.remediation.evaluation;

import dev.securitywatch.remediation.result.Compliance;
import static dev.securitywatch.remediation.testing.Items.CAPTURED;
import static dev.securitywatch.remediation.testing.Items.change;
import static dev.securitywatch.remediation.testing.Items.item;
import static dev.securitywatch.remediation.testing.Rules.group;
import static dev.securitywatch.remediation.testing.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.invocation.ConfigInvocation;
import dev.securitywatch.remediation.invocation.ConfigurationItem;
import dev.securitywatch.remediation.plan.RemediationPlanner;
import dev.securitywatch.remediation.plan.SpecialGroup;
import dev.securitywatch.remediation.policy.RemediationMode;
import dev.securitywatch.remediation.policy.RemediationPolicy;
import dev.securitywatch.remediation.result.RemediationResult;
import dev.securitywatch.remediation.rule.SgRule;
import dev.securitywatch.remediation.testing.FakeConfig;
import dev.securitywatch.remediation.testing.FakePublisher;
import dev.securitywatch.remediation.testing.FakeSecurityGroups;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemediationServiceTest {
    private static final SgRule HTTP = rule("tcp", 80, 80, "0.0.0.0/0");
    private static final SgRule HTTPS = rule("tcp", 443, 443, "0.0.0.0/0");
    private static final SgRule SSH = rule("tcp", 22, 22, "0.0.0.0/0");

    private final FakeSecurityGroups ec2 = new FakeSecurityGroups();
    private final FakeConfig config = new FakeConfig();
    private final FakePublisher events = new FakePublisher();

    private RemediationService service(RemediationMode mode) {
        return new RemediationService(new RemediationPlanner(RemediationPolicy.defaults().withMode(mode)), ec2, config,
                events, "eu-west-1");
    }

    /** Registers the group as live in EC2 and returns the configuration item Config would send for it. */
    private ConfigInvocation recorded(String groupId, SgRule... rules) {
        ec2.put(group(groupId, rules));
        return change(item(groupId, Map.of(), rules));
    }

    @Test
    void aCompliantGroupCostsNoReadNoWriteAndOneEvaluation() {
        service(RemediationMode.ENFORCE).handle(recorded("sg-1", HTTP, HTTPS));
        assertThat(ec2.calls).isEmpty();
        assertThat(config.batches).hasSize(1);
        assertThat(config.evaluations()).singleElement().satisfies(evaluation -> {
            assertThat(evaluation.compliance()).isEqualTo(Compliance.COMPLIANT);
            assertThat(evaluation.annotation()).isEqualTo("ingress matches the allow-list");
            assertThat(evaluation.orderingTimestamp()).isEqualTo(CAPTURED);
        });
        assertThat(events.published).isEmpty();
    }

    @Test
    void enforceFixesTheGroupReportsNonCompliantAndPublishesTheChange() {
        service(RemediationMode.ENFORCE).handle(recorded("sg-1", HTTP, SSH));

        assertThat(ec2.liveRules("sg-1")).containsExactlyInAnyOrder(HTTP, HTTPS);
        assertThat(ec2.calls).containsExactly("describe sg-1", "read sg-1", "authorize sg-1 [tcp/443 from 0.0.0.0/0]",
                "revoke sg-1 [sgr-0]");
        Evaluation evaluation = config.evaluations().get(0);
        assertThat(evaluation.compliance()).isEqualTo(Compliance.NON_COMPLIANT);
        assertThat(evaluation.annotation())
                .isEqualTo("revoked 1 rule (tcp/22 from 0.0.0.0/0); added 1 (tcp/443 from 0.0.0.0/0)");
        assertThat(events.published).singleElement().satisfies(result -> {
            assertThat(result.revoked()).containsExactly(SSH);
            assertThat(result.authorized()).containsExactly(HTTPS);
            assertThat(result.violations()).containsExactly(SSH);
            assertThat(result.mode()).isEqualTo(RemediationMode.ENFORCE);
            assertThat(result.error()).isEmpty();
            assertThat(result.region()).isEqualTo("eu-west-1");
            assertThat(result.configurationItemCaptureTime()).isEqualTo(CAPTURED);
        });
    }

    @Test
    void convergesTheItemCausedByItsOwnChangeIsCompliantAndARepeatMakesNoWrites() {
        RemediationService service = service(RemediationMode.ENFORCE);
        ConfigInvocation violating = recorded("sg-1", HTTP, SSH);
        service.handle(violating);
        long writes = ec2.writes();

        service.handle(change(item("sg-1", Map.of(), ec2.liveRules("sg-1").toArray(SgRule[]::new))));
        assertThat(config.evaluations().get(1).compliance()).isEqualTo(Compliance.COMPLIANT);

        service.handle(violating);
        assertThat(ec2.writes()).isEqualTo(writes);
        assertThat(config.evaluations().get(2).compliance()).isEqualTo(Compliance.NON_COMPLIANT);
        assertThat(config.evaluations().get(2).annotation())
                .isEqualTo("revoked 0 rules; added 0; live group already corrected");
    }

    @Test
    void reportOnlyReadsAndWritesNothingButReportsTheViolation() {
        service(RemediationMode.REPORT_ONLY).handle(recorded("sg-1", HTTP, HTTPS, SSH));
        assertThat(ec2.calls).isEmpty();
        assertThat(config.evaluations().get(0).annotation())
                .isEqualTo("not changed (REPORT_ONLY); 1 rule outside the allow-list (tcp/22 from 0.0.0.0/0)");
        assertThat(events.published).singleElement().satisfies(result -> {
            assertThat(result.violations()).containsExactly(SSH);
            assertThat(result.revoked()).isEmpty();
        });
    }

    @Test
    void revokeOnlyNeverAddsAndSaysWhatIsMissing() {
        service(RemediationMode.REVOKE_ONLY).handle(recorded("sg-1", HTTP, SSH));
        assertThat(ec2.liveRules("sg-1")).containsExactly(HTTP);
        assertThat(config.evaluations().get(0).annotation()).isEqualTo(
                "revoked 1 rule (tcp/22 from 0.0.0.0/0); added 0; missing 1 required rule (tcp/443 from 0.0.0.0/0)");
    }

    @Test
    void aFailedWriteIsReportedNonCompliantWithTheErrorAndDoesNotThrow() {
        ConfigInvocation invocation = recorded("sg-1", HTTP, HTTPS, SSH);
        ec2.failWrites = "RevokeSecurityGroupIngress UnauthorizedOperation (not authorized)";
        service(RemediationMode.ENFORCE).handle(invocation);
        Evaluation evaluation = config.evaluations().get(0);
        assertThat(evaluation.compliance()).isEqualTo(Compliance.NON_COMPLIANT);
        assertThat(evaluation.annotation()).startsWith("FAILED: revoke failed: RevokeSecurityGroupIngress"
                + " UnauthorizedOperation").contains("revoked 0 rules");
        assertThat(events.published).singleElement().satisfies(result -> {
            assertThat(result.error()).hasValueSatisfying(error -> assertThat(error).contains("UnauthorizedOperation"));
            assertThat(result.revoked()).isEmpty();
        });
    }

    @Test
    void aFailedReadMeansNoWrite() {
        ConfigInvocation invocation = recorded("sg-1", HTTP, SSH);
        ec2.failReads = "DescribeSecurityGroupRules RequestLimitExceeded (Request limit exceeded.)";
        service(RemediationMode.ENFORCE).handle(invocation);
        assertThat(ec2.writes()).isZero();
        assertThat(config.evaluations().get(0).annotation())
                .startsWith("FAILED: not remediated, reading the live group failed: DescribeSecurityGroupRules");
        assertThat(events.published.get(0).error()).isPresent();
    }

    @Test
    void failingToReachConfigThrowsAfterTheResultIsPublished() {
        ConfigInvocation invocation = recorded("sg-1", HTTP, SSH);
        config.failure = new IllegalStateException("Config unreachable");
        assertThatThrownBy(() -> service(RemediationMode.ENFORCE).handle(invocation)).hasMessage("Config unreachable");
        assertThat(events.published).hasSize(1);
    }

    @Test
    void aFailedPublishIsAWarningAndEvaluationsStillGoToConfig() {
        events.fail = true;
        InvocationReport report = service(RemediationMode.ENFORCE).handle(recorded("sg-1", HTTP, SSH));
        assertThat(report.warnings()).singleElement().asString().startsWith("result events not published");
        assertThat(report.results()).hasSize(1);
        assertThat(config.evaluations()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ResourceDeleted            | AWS::EC2::SecurityGroup | false | security group deleted (ResourceDeleted)",
            "ResourceDeletedNotRecorded | AWS::EC2::SecurityGroup | false | security group deleted (ResourceDeletedNotRecorded)",
            "OK                         | AWS::EC2::Instance      | false | not a security group (AWS::EC2::Instance)",
            "OK                         | AWS::EC2::SecurityGroup | true  | resource left the rule's scope",
    })
    void notApplicableCases(String status, String type, boolean leftScope, String annotation) {
        ConfigurationItem sg = item("sg-1", "app", status, Map.of(), SSH);
        ConfigurationItem item = new ConfigurationItem(type, sg.resourceId(), sg.resourceName(), status,
                sg.captureTime(), sg.accountId(), sg.region(), sg.configuration(), Map.of());
        service(RemediationMode.ENFORCE).handle(new ConfigInvocation("token", "111111111111",
                new ConfigInvocation.ItemChange(item, leftScope)));
        assertThat(config.evaluations()).singleElement().satisfies(evaluation -> {
            assertThat(evaluation.compliance()).isEqualTo(Compliance.NOT_APPLICABLE);
            assertThat(evaluation.annotation()).isEqualTo(annotation);
            assertThat(evaluation.resourceType()).isEqualTo(type);
        });
        assertThat(ec2.calls).isEmpty();
        assertThat(events.published).isEmpty();
    }

    @Test
    void anOversizedItemIsFetchedFromConfigHistory() {
        ec2.put(group("sg-big", HTTP, SSH));
        config.history.put("sg-big", item("sg-big", Map.of(), HTTP, SSH));
        service(RemediationMode.REVOKE_ONLY).handle(change(summary("sg-big", "OK")));
        assertThat(ec2.liveRules("sg-big")).containsExactly(HTTP);
        assertThat(config.evaluations().get(0).compliance()).isEqualTo(Compliance.NON_COMPLIANT);
    }

    @Test
    void anOversizedItemThatIsGoneOrDeletedIsNotApplicable() {
        service(RemediationMode.ENFORCE).handle(change(summary("sg-gone", "OK")));
        config.history.put("sg-del", item("sg-del", "app", "ResourceDeleted", Map.of()));
        service(RemediationMode.ENFORCE).handle(change(summary("sg-del", "OK")));
        service(RemediationMode.ENFORCE).handle(change(summary("sg-del2", "ResourceDeleted")));
        assertThat(config.evaluations()).extracting(Evaluation::compliance).containsOnly(Compliance.NOT_APPLICABLE);
        assertThat(config.evaluations()).extracting(Evaluation::annotation).containsExactly(
                "configuration item no longer in Config history", "security group deleted (ResourceDeleted)",
                "security group deleted (ResourceDeleted)");
    }

    @Test
    void theScheduledSweepEvaluatesEveryGroupInBatchesOfOneHundred() {
        for (int i = 0; i < 250; i++) {
            ec2.put(i % 50 == 0 ? group("sg-" + i, HTTP, HTTPS, SSH) : group("sg-" + i, HTTP, HTTPS));
        }
        Instant notified = Instant.parse("2026-11-21T00:00:00Z");
        InvocationReport report = service(RemediationMode.REVOKE_ONLY).handle(
                new ConfigInvocation("token", "111111111111", new ConfigInvocation.Scheduled(notified)));
        assertThat(config.batches).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(config.evaluations()).extracting(Evaluation::orderingTimestamp).containsOnly(notified);
        assertThat(config.evaluations()).filteredOn(e -> e.compliance() == Compliance.NON_COMPLIANT)
                .extracting(Evaluation::resourceId).containsExactly("sg-0", "sg-50", "sg-100", "sg-150", "sg-200");
        assertThat(report.results()).hasSize(5);
        assertThat(ec2.calls.stream().filter(call -> call.startsWith("read"))).hasSize(5);
        assertThat(ec2.liveRules("sg-50")).containsExactly(HTTP, HTTPS);
    }

    @Test
    void aFailedSweepReadThrowsBeforeAnyWrite() {
        ec2.put(group("sg-1", SSH));
        ec2.failReads = "DescribeSecurityGroups RequestLimitExceeded";
        assertThatThrownBy(() -> service(RemediationMode.ENFORCE).handle(new ConfigInvocation("token", "111111111111",
                new ConfigInvocation.Scheduled(Instant.EPOCH)))).hasMessageContaining("RequestLimitExceeded");
        assertThat(ec2.writes()).isZero();
        assertThat(config.batches).isEmpty();
    }

    @Test
    void exemptGroupsAreCompliantAndUntouched() {
        ec2.put(group("sg-1", SSH));
        service(RemediationMode.ENFORCE).handle(change(item("sg-1", Map.of("security-watch:exempt", "yes"), SSH)));
        assertThat(ec2.calls).isEmpty();
        assertThat(config.evaluations().get(0).annotation()).isEqualTo("exempt: tagged security-watch:exempt");
        assertThat(config.evaluations().get(0).compliance()).isEqualTo(Compliance.COMPLIANT);
    }

    @Test
    void anItemThatOmitsTheExemptTagNeverLeadsToAWriteOnAGroupThatIsExemptNow() {
        ConfigInvocation forged = recorded("sg-1", HTTP, SSH);
        ec2.replaceLive(new SecurityGroup("sg-1", "app", "vpc-1", "123456789012",
                Map.of("security-watch:exempt", "yes"), new TreeSet<>(List.of(HTTP, SSH))));

        service(RemediationMode.ENFORCE).handle(forged);

        assertThat(ec2.writes()).isZero();
        assertThat(config.evaluations().get(0).annotation()).startsWith("FAILED: not remediated: the live group is"
                + " exempt now (tagged security-watch:exempt)");
    }

    @Test
    void anItemThatHidesTheDefaultGroupOrItsStackIsJudgedByTheLiveGroup() {
        ConfigInvocation forged = recorded("sg-cfn", HTTP, HTTPS, SSH);
        ec2.replaceLive(new SecurityGroup("sg-cfn", "shop-web", "vpc-1", "123456789012",
                Map.of("aws:cloudformation:stack-name", "shop"), new TreeSet<>(List.of(HTTP, HTTPS, SSH))));

        service(RemediationMode.ENFORCE).handle(forged);

        assertThat(ec2.writes()).as("a CloudFormation group is reported with advice, never rewritten").isZero();
    }

    @Test
    void anItemForAGroupThatIsNotInThisAccountAndRegionChangesNothing() {
        ConfigInvocation forged = recorded("sg-elsewhere", HTTP, SSH);
        ec2.delete("sg-elsewhere");

        service(RemediationMode.ENFORCE).handle(forged);

        assertThat(ec2.writes()).isZero();
        assertThat(events.published.get(0).error()).contains("not remediated: the group no longer exists in this"
                + " account and region");
    }

    @Test
    void aCloudFormationGroupIsOnlyReportedWithAdvice() {
        ec2.put(group("sg-cfn", SSH));
        service(RemediationMode.ENFORCE).handle(change(item("sg-cfn",
                Map.of("aws:cloudformation:stack-name", "shop"), HTTP, HTTPS, SSH)));
        assertThat(ec2.calls).isEmpty();
        assertThat(config.evaluations().get(0).annotation()).startsWith(
                "not changed (REPORT_ONLY for CloudFormation-managed group)");
        RemediationResult result = events.published.get(0);
        assertThat(result.special()).contains(SpecialGroup.CLOUDFORMATION_MANAGED);
        assertThat(result.advice()).hasValueSatisfying(advice -> assertThat(advice).startsWith("Fix the template"));
    }

    @Test
    void aStaleItemIsJudgedAsRecordedButActionsFollowTheLiveRules() {
        SecurityGroup live = group("sg-1", HTTP, HTTPS, rule("tcp", 3389, 3389, "0.0.0.0/0"));
        ec2.put(live);
        service(RemediationMode.REVOKE_ONLY).handle(change(item("sg-1", Map.of(), HTTP, HTTPS, SSH)));
        assertThat(ec2.liveRules("sg-1")).containsExactly(HTTP, HTTPS);
        assertThat(events.published.get(0).violations()).containsExactly(SSH);
        assertThat(events.published.get(0).revoked()).containsExactly(rule("tcp", 3389, 3389, "0.0.0.0/0"));
    }

    @Test
    void annotationsAreCutToTwoHundredFiftySixCharactersWithAnEllipsis() {
        ConfigInvocation invocation = recorded("sg-1", HTTP, HTTPS, SSH);
        ec2.failWrites = "x".repeat(400);
        service(RemediationMode.ENFORCE).handle(invocation);
        String annotation = config.evaluations().get(0).annotation();
        assertThat(annotation).hasSize(256).endsWith("…");
        assertThat(Annotations.fit("short")).isEqualTo("short");
        assertThat(Annotations.fit("y".repeat(256))).hasSize(256).doesNotContain("…");
    }

    private static ConfigurationItem summary(String groupId, String status) {
        return new ConfigurationItem("AWS::EC2::SecurityGroup", groupId, null, status, CAPTURED, "111111111111",
                "eu-west-1", null, Map.of());
    }
}
