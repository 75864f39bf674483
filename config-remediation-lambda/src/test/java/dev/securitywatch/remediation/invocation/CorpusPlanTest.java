package dev.securitywatch.remediation.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.remediation.result.Compliance;
import dev.securitywatch.remediation.evaluation.DryRun;
import dev.securitywatch.remediation.evaluation.Evaluation;
import dev.securitywatch.remediation.evaluation.InvocationReport;
import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.plan.RemediationPlanner;
import dev.securitywatch.remediation.policy.RemediationMode;
import dev.securitywatch.remediation.policy.RemediationPolicy;
import dev.securitywatch.remediation.result.RemediationResult;
import dev.securitywatch.remediation.rule.SgRule;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real AWS Config events of the acceptance corpus, planned with the original allow-list in ENFORCE. */
class CorpusPlanTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final InvocationParser PARSER = new InvocationParser(MAPPER);
    private static final RemediationPlanner ENFORCE =
            new RemediationPlanner(RemediationPolicy.defaults().withMode(RemediationMode.ENFORCE));
    private static final String SG_EVENT = "config/lambda-ConfigurationItemChangeNotification-AWS-EC2-SecurityGroup-";

    static Stream<Arguments> securityGroupEvents() {
        return Stream.of(
                Arguments.of(SG_EVENT + "c7n-1.json", "sg-e2fb6999", Compliance.NON_COMPLIANT,
                        List.of("tcp/22 from 0.0.0.0/0"), List.of("tcp/80 from 0.0.0.0/0", "tcp/443 from 0.0.0.0/0")),
                Arguments.of(SG_EVENT + "awsconfigrules-test_one_tcp_open_not_authorized-1.json", "sg-01",
                        Compliance.NON_COMPLIANT, List.of("tcp/10000-12000 from 0.0.0.0/0"),
                        List.of("tcp/80 from 0.0.0.0/0", "tcp/443 from 0.0.0.0/0")),
                Arguments.of(SG_EVENT + "awsconfigrules-test_tcp_and_udp_open_authorized-1.json", "sg-01",
                        Compliance.NON_COMPLIANT, List.of("tcp/10000-20000 from 0.0.0.0/0", "udp/80-100 from 0.0.0.0/0"),
                        List.of("tcp/80 from 0.0.0.0/0", "tcp/443 from 0.0.0.0/0")),
                // "11.0.0.0/0" is 0.0.0.0/0 once canonical, so tcp/80 is the required HTTP rule; the /32 on 443 is
                // allowed (inside 0.0.0.0/0) but is not the required rule itself.
                Arguments.of(SG_EVENT + "awsconfigrules-test_sg_no_port_open_to_world-1.json", "sg-01",
                        Compliance.NON_COMPLIANT,
                        List.of("tcp/0-65535 from 0.0.0.0/0", "tcp/15000 from 0.0.0.0/0", "udp/10000 from 0.0.0.0/0"),
                        List.of("tcp/443 from 0.0.0.0/0")),
                Arguments.of(SG_EVENT + "rdk-assembled-1.json", "sg-1d56fc66", Compliance.NOT_APPLICABLE, List.of(),
                        List.of()),
                Arguments.of("config/ci-AWS-EC2-SecurityGroup-rdk-ci-1.json", "sg-1d56fc66", Compliance.NON_COMPLIANT,
                        List.of("tcp/22 from 0.0.0.0/0"), List.of("tcp/80 from 0.0.0.0/0", "tcp/443 from 0.0.0.0/0")),
                Arguments.of("config/sns-ConfigurationItemChangeNotification-AWS-EC2-SecurityGroup-awsdocs-1.json",
                        "sg-3f1fef43", Compliance.NON_COMPLIANT, List.of(),
                        List.of("tcp/80 from 0.0.0.0/0", "tcp/443 from 0.0.0.0/0")),
                Arguments.of("config/lambda-ConfigurationItemChangeNotification-AWS-EC2-Instance-awsdocs-1.json",
                        "i-00000000", Compliance.NOT_APPLICABLE, List.of(), List.of()),
                Arguments.of("config/lambda-OversizedConfigurationItemChangeNotification-AWS-EC2-Instance-awsdocs-1.json",
                        "i-00000000", Compliance.NOT_APPLICABLE, List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("securityGroupEvents")
    void plansRealConfigEvents(String path, String resourceId, Compliance compliance, List<String> revoke,
                               List<String> authorize) {
        InvocationReport report = DryRun.run(PARSER.parse(AcceptanceData.sample(path).json()), ENFORCE, "us-east-1");
        assertThat(report.evaluations()).singleElement().satisfies(evaluation -> {
            assertThat(evaluation.resourceId()).isEqualTo(resourceId);
            assertThat(evaluation.compliance()).isEqualTo(compliance);
            assertThat(evaluation.annotation()).hasSizeLessThanOrEqualTo(256);
        });
        List<RemediationResult> results = report.results();
        assertThat(results.stream().flatMap(r -> r.revoked().stream()).map(SgRule::describe)).containsExactlyElementsOf(revoke);
        assertThat(results.stream().flatMap(r -> r.authorized().stream()).map(SgRule::describe))
                .containsExactlyElementsOf(authorize);
    }

    @Test
    void everySecurityGroupItemInTheCorpusConvergesAfterOneEnforcement() {
        List<AcceptanceData.Sample> samples = AcceptanceData.under("config/").stream()
                .filter(sample -> sample.path().contains("AWS-EC2-SecurityGroup")).toList();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(13);
        for (AcceptanceData.Sample sample : samples) {
            ConfigInvocation invocation = PARSER.parse(sample.json());
            ConfigInvocation.ItemChange change = (ConfigInvocation.ItemChange) invocation.trigger();
            ConfigurationItem item = change.item();
            if (change.leftScope() || item.notApplicableReason().isPresent()) {
                continue;
            }
            SecurityGroup recorded = SecurityGroupConfiguration.toSecurityGroup(item);
            InvocationReport report = DryRun.run(invocation, ENFORCE, "us-east-1");
            TreeSet<SgRule> fixed = new TreeSet<>(recorded.ingress());
            report.results().forEach(result -> {
                result.revoked().forEach(fixed::remove);
                fixed.addAll(result.authorized());
            });
            assertThat(ENFORCE.assess(recorded.withIngress(fixed)).compliant()).as(sample.path()).isTrue();
        }
    }

    @Test
    void readsUserIdGroupPairsAndTagListsFromRealItems() {
        ConfigInvocation invocation = PARSER.parse(AcceptanceData.sample(SG_EVENT
                + "awsconfigrules-test_security_group_associated-1.json").json());
        SecurityGroup group = SecurityGroupConfiguration.toSecurityGroup(
                ((ConfigInvocation.ItemChange) invocation.trigger()).item());
        assertThat(group.groupId()).isEqualTo("sg-011af0a7f107d6sg7");
    }

    @Test
    void theScheduledAndOversizedKindsAreRecognised() {
        ConfigInvocation scheduled = PARSER.parse(AcceptanceData.sample(
                "config/lambda-ScheduledNotification-none-awsdocs-1.json").json());
        assertThat(scheduled.trigger()).isEqualTo(new ConfigInvocation.Scheduled(Instant.parse("2016-07-13T21:50:00.373Z")));
        assertThat(scheduled.resultToken()).isEqualTo("myResultToken");

        ConfigInvocation oversized = PARSER.parse(AcceptanceData.sample(
                "config/lambda-OversizedConfigurationItemChangeNotification-AWS-EC2-Instance-awsdocs-1.json").json());
        ConfigurationItem summary = ((ConfigInvocation.ItemChange) oversized.trigger()).item();
        assertThat(summary.oversized()).isTrue();
        assertThat(summary.captureTime()).isEqualTo(Instant.parse("2016-10-06T16:46:16.261Z"));
    }

    @Test
    void anEmptyItemThatLeftScopeProducesNoEvaluation() {
        InvocationReport report = DryRun.run(PARSER.parse(AcceptanceData.sample(
                "config/lambda-ConfigurationItemChangeNotification-none-rdk-template-1.json").json()), ENFORCE, "r");
        assertThat(report.evaluations()).isEmpty();
    }

    @Test
    void otherConfigMessagesAreRejectedWithOneLine() {
        assertThatThrownBy(() -> PARSER.parse(AcceptanceData.sample(
                "config/lambda-ConfigurationSnapshotDeliveryCompleted-none-lambdago-1.json").json()))
                .isInstanceOf(InvalidInvocationException.class)
                .hasMessageStartingWith("unsupported Config messageType \"ConfigurationSnapshotDeliveryCompleted\"");
    }

    @Test
    void everyEvaluationOfTheCorpusFitsConfigLimits() {
        for (AcceptanceData.Sample sample : AcceptanceData.under("config/lambda-ConfigurationItemChangeNotification")) {
            for (Evaluation evaluation : DryRun.run(PARSER.parse(sample.json()), ENFORCE, "r").evaluations()) {
                assertThat(evaluation.annotation()).as(sample.path()).hasSizeLessThanOrEqualTo(256);
                assertThat(evaluation.orderingTimestamp()).as(sample.path()).isNotNull();
            }
        }
    }
}
