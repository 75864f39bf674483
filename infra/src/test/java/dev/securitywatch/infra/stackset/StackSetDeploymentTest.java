package dev.securitywatch.infra.stackset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.pattern.PatternMatcher;
import dev.securitywatch.infra.DefaultContext;
import dev.securitywatch.infra.SecurityWatch;
import dev.securitywatch.infra.SecurityWatchApp;
import dev.securitywatch.infra.config.ContextReader;
import dev.securitywatch.infra.member.MemberStack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * {@code deployment.mode: stackset}: the StackSet in the administrator account, its template (no assets, every
 * region from one file, cdk-nag clean), the artifacts buckets it takes the remediator from, and names that let a
 * per-account stack and the StackSet's stand side by side while an organization migrates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StackSetDeploymentTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ORGANIZATION = "o-a1b2c3d4e5";
    private static final String ADMINISTRATOR = "999999999999";
    private static final List<String> REGIONS = List.of("us-east-1", "ap-northeast-1", "eu-west-1");

    private SecurityWatch deployment;
    private Template stackSet;
    private JsonNode memberTemplate;

    @BeforeAll
    void synthesize() throws IOException {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("organizationId", ORGANIZATION);
        overrides.put("remediationMode", "ENFORCE");
        overrides.put("deployment", Map.of("mode", "stackset", "administratorAccount", ADMINISTRATOR,
                "callAs", "DELEGATED_ADMIN", "organizationalUnits", List.of("ou-ab12-cdef3456", "ou-ab12-0123abcd"),
                "regions", REGIONS, "retainStacksOnAccountRemoval", true,
                "operationPreferences", Map.of("maxConcurrentPercentage", 40, "failureTolerancePercentage", 5)));
        // The management account keeps a stack of its own: StackSets never deploy to it.
        overrides.put("memberAccounts", List.of(Map.of("id", "111111111111", "name", "management",
                "regions", List.of("us-east-1", "ap-northeast-1"))));
        App app = App.Builder.create().context(DefaultContext.withOverrides(overrides)).build();
        deployment = SecurityWatch.build(app,
                new ContextReader(app.getNode()::tryGetContext, SecurityWatchApp.knownRegions()).read());
        SecurityWatchApp.checkWithCdkNag(app);
        app.synth();
        stackSet = Template.fromStack(deployment.stackSet().orElseThrow());
        String url = MAPPER.valueToTree(stackSet.findResources("AWS::CloudFormation::StackSet")).toString();
        assertThat(url).contains("TemplateURL");
        memberTemplate = MAPPER.readTree(deployment.stackSet().orElseThrow().template().file().toFile());
    }

    @Test
    void theStackSetIsServiceManagedAutoDeployedToTheOusInTheListedRegions() {
        Stack stack = deployment.stackSet().orElseThrow();
        assertThat(stack.getAccount()).isEqualTo(ADMINISTRATOR);
        assertThat(stack.getRegion()).isEqualTo("ap-northeast-1");
        stackSet.resourceCountIs("AWS::CloudFormation::StackSet", 1);
        stackSet.hasResourceProperties("AWS::CloudFormation::StackSet", Map.of(
                "StackSetName", "SecurityWatch-Member",
                "PermissionModel", "SERVICE_MANAGED",
                "CallAs", "DELEGATED_ADMIN",
                "AutoDeployment", Map.of("Enabled", true, "RetainStacksOnAccountRemoval", true),
                "Capabilities", List.of("CAPABILITY_NAMED_IAM"),
                "ManagedExecution", Map.of("Active", true),
                "OperationPreferences", Map.of("MaxConcurrentPercentage", 40, "FailureTolerancePercentage", 5,
                        "RegionConcurrencyType", "PARALLEL", "ConcurrencyMode", "SOFT_FAILURE_TOLERANCE"),
                "StackInstancesGroup", List.of(Map.of(
                        "DeploymentTargets", Map.of("OrganizationalUnitIds",
                                List.of("ou-ab12-cdef3456", "ou-ab12-0123abcd")),
                        "Regions", REGIONS))));
    }

    @Test
    void callAsIsSelfUnlessADelegatedAdministratorIsSet() {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("organizationId", ORGANIZATION);
        overrides.put("deployment", Map.of("mode", "stackset", "administratorAccount", ADMINISTRATOR,
                "organizationalUnits", List.of("r-ab12"), "regions", List.of("eu-west-1")));
        App app = App.Builder.create().context(DefaultContext.withOverrides(overrides)).build();
        SecurityWatch self = SecurityWatch.build(app,
                new ContextReader(app.getNode()::tryGetContext, SecurityWatchApp.knownRegions()).read());
        Template.fromStack(self.stackSet().orElseThrow()).hasResourceProperties("AWS::CloudFormation::StackSet",
                Map.of("CallAs", "SELF", "AutoDeployment", Map.of("Enabled", true,
                                "RetainStacksOnAccountRemoval", false),
                        "StackInstancesGroup", List.of(Map.of("DeploymentTargets", Map.of(
                                "OrganizationalUnitIds", List.of("r-ab12")), "Regions", List.of("eu-west-1")))));
    }

    @Test
    void theTemplateHasNoAssetsAndTakesTheRemediatorFromTheRegionsArtifactsBucket() {
        String json = memberTemplate.toString();
        assertThat(memberTemplate.path("Parameters").size()).as("no parameters: nothing to override per account")
                .isZero();
        assertThat(memberTemplate.path("Rules").has("CheckBootstrapVersion")).isFalse();
        assertThat(json).doesNotContain("cdk-hnb659fds", "aws:asset", "AssetParameters");
        List<JsonNode> functions = resources("AWS::Lambda::Function");
        assertThat(functions).hasSize(1);
        JsonNode code = functions.get(0).path("Properties").path("Code");
        assertThat(code.path("S3Bucket").toString()).contains("security-watch-artifacts-123456789012-",
                "AWS::Region");
        assertThat(code.path("S3Key").asText()).matches(
                "config-remediation-lambda/config-remediation-lambda-[0-9a-f]{64}\\.jar");
        // Account names travel as data (ACCOUNT_NAMES); no ARN names an account or region but the security side's.
        assertThat(java.util.regex.Pattern.compile("arn:aws:[a-z0-9-]+:([a-z0-9-]*):(\\d{12})").matcher(json)
                .results().map(match -> match.group(1) + ":" + match.group(2)).distinct().toList())
                .as("account- and region-agnostic").containsOnly("ap-northeast-1:123456789012");
    }

    @Test
    void eachMembersRemediatorWritesOnlyItsOwnAccountsGroupsAndAssumesNothing() {
        String policies = resources("AWS::IAM::Policy").toString();
        assertThat(policies).contains("ec2:RevokeSecurityGroupIngress").doesNotContain("sts:AssumeRole");
        resources("AWS::IAM::Policy").stream()
                .filter(policy -> policy.toString().contains("ec2:RevokeSecurityGroupIngress"))
                .forEach(policy -> assertThat(policy.toString()).contains(":security-group/*")
                        .contains("{\"Ref\":\"AWS::AccountId\"}").contains("{\"Ref\":\"AWS::Region\"}"));
        assertThat(MAPPER.valueToTree(resources("AWS::Lambda::Function")).toString())
                .contains("\"CONFIG_RULE_NAME\":\"security-watch-sg-ingress-org\"");
    }

    @Test
    void oneTemplateServesEveryRegionTheGlobalServicesRulesAndHeartbeatOnlyInUsEast1() {
        JsonNode conditions = memberTemplate.path("Conditions");
        assertThat(conditions.path("InGlobalServiceRegion").toString()).contains("AWS::Region", "us-east-1");
        List<JsonNode> rules = resources("AWS::Events::Rule");
        assertThat(rules).allSatisfy(rule -> assertThat(rule.path("Condition").asText())
                .isIn("InGlobalServiceRegion", "OutsideGlobalServiceRegion"));
        long global = rules.stream().filter(r -> r.path("Condition").asText().equals("InGlobalServiceRegion"))
                .count();
        assertThat(global).as("us-east-1 carries the IAM rules too").isGreaterThan(rules.size() - global);
        assertThat(rules).allSatisfy(rule -> assertThat(rule.path("Properties").path("Name").asText())
                .startsWith("security-watch-forward-org-"));
        List<JsonNode> schedules = resources("AWS::Scheduler::Schedule");
        assertThat(schedules).hasSize(2);
        assertThat(schedules).filteredOn(s -> s.toString().contains("iam:tagRole"))
                .singleElement().satisfies(s -> assertThat(s.path("Condition").asText())
                        .isEqualTo("InGlobalServiceRegion"));
    }

    @Test
    void aHeartbeatFromTheStackSetsCanaryTravelsItsRules() throws IOException {
        JsonNode heartbeat = MAPPER.readTree("""
                {"version":"0","id":"1","detail-type":"AWS API Call via CloudTrail","source":"aws.ssm",
                 "account":"333333333333","region":"eu-west-1","time":"2026-12-04T00:00:00Z","resources":[],
                 "detail":{"eventSource":"ssm.amazonaws.com","eventName":"PutParameter","awsRegion":"eu-west-1",
                  "userIdentity":{"type":"AssumedRole","sessionContext":{"sessionIssuer":{
                    "userName":"security-watch-canary-org-eu-west-1"}}},
                  "requestParameters":{"name":"/security-watch/canary-org","overwrite":true}}}""");
        List<String> outside = resources("AWS::Events::Rule").stream()
                .filter(rule -> rule.path("Condition").asText().equals("OutsideGlobalServiceRegion"))
                .map(rule -> rule.path("Properties").path("EventPattern").toString()).toList();
        assertThat(new PatternMatcher<>(Map.of("member", outside)).matches(heartbeat)).isNotEmpty();
    }

    @Test
    void namesNeverCollideWithAPerAccountStackInTheSameAccountAndRegion() {
        MemberStack perAccount = deployment.members().stream()
                .filter(member -> member.getRegion().equals("us-east-1")).findFirst().orElseThrow();
        Set<String> ours = physicalNames(MAPPER.valueToTree(Template.fromStack(perAccount).toJSON()), "us-east-1");
        Set<String> theirs = physicalNames(memberTemplate, "us-east-1");
        assertThat(ours).hasSizeGreaterThan(10);
        assertThat(theirs).hasSameSizeAs(ours).doesNotContainAnyElementsOf(ours);
    }

    @Test
    void bothGuardsOnTheDefaultBusLetEitherRemediatorThrough() {
        String guard = resources("AWS::Events::EventBusPolicy").get(0).toString();
        assertThat(guard).contains("security-watch-own-sources-org", ":role/security-watch-remediation-",
                ":role/security-watch-remediation-org-");
    }

    @Test
    void artifactsBucketsInEveryRegionOfTheSecurityAccountReadableOnlyInsideTheOrganization() {
        assertThat(deployment.artifacts()).extracting(Stack::getRegion).containsExactlyElementsOf(REGIONS);
        for (ArtifactsStack artifacts : deployment.artifacts()) {
            assertThat(artifacts.getAccount()).isEqualTo("123456789012");
            Template template = Template.fromStack(artifacts);
            template.hasResourceProperties("AWS::S3::Bucket", Map.of("BucketName",
                    "security-watch-artifacts-123456789012-" + artifacts.getRegion()));
            String policy = MAPPER.valueToTree(template.findResources("AWS::S3::BucketPolicy")).toString();
            assertThat(policy).contains("\"aws:PrincipalOrgID\":\"" + ORGANIZATION + "\"",
                    "config-remediation-lambda/*", "aws:SecureTransport");
            template.hasResourceProperties("Custom::CDKBucketDeployment", Map.of(
                    "DestinationBucketKeyPrefix", "config-remediation-lambda/", "Prune", false,
                    "RetainOnDelete", true));
        }
    }

    @Test
    void synthIsConstantInTheNumberOfAccounts() {
        List<String> names = new ArrayList<>();
        names.add(deployment.central().getStackName());
        names.add(deployment.stackSet().orElseThrow().getStackName());
        deployment.artifacts().forEach(stack -> names.add(stack.getStackName()));
        deployment.members().forEach(stack -> names.add(stack.getStackName()));
        assertThat(names).containsExactlyInAnyOrder("SecurityWatch-Central", "SecurityWatch-StackSet",
                "SecurityWatch-Artifacts-us-east-1", "SecurityWatch-Artifacts-ap-northeast-1",
                "SecurityWatch-Artifacts-eu-west-1", "SecurityWatch-Member-111111111111-us-east-1",
                "SecurityWatch-Member-111111111111-ap-northeast-1");
    }

    @Test
    void theCentralBusAdmitsOnlyForwardingRolesOfTheOrganization() {
        String policy = MAPPER.valueToTree(Template.fromStack(deployment.central())
                .findResources("AWS::Events::EventBusPolicy")).toString()
                + MAPPER.valueToTree(Template.fromStack(deployment.central())
                .findResources("AWS::Events::EventBus")).toString();
        assertThat(policy).contains("\"aws:PrincipalOrgID\":\"" + ORGANIZATION + "\"",
                ":role/security-watch-forwarding-*");
    }

    @Test
    void cdkNagReportsNoUnsuppressedErrorsOnTheNewStacks() {
        List<Stack> stacks = new ArrayList<>(deployment.artifacts());
        stacks.add(deployment.stackSet().orElseThrow());
        for (Stack stack : stacks) {
            assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                    .as(stack.getStackName()).isEmpty();
        }
    }

    @Test
    void aTemplateWithANagErrorFailsSynthWithTheFindings() {
        assertThatThrownBy(() -> StackSetTemplate.failOnErrors("SecurityWatch-Member",
                List.of("AwsSolutions-IAM5: wildcard")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SecurityWatch-Member has errors")
                .hasMessageContaining("AwsSolutions-IAM5: wildcard");
    }

    private List<JsonNode> resources(String type) {
        List<JsonNode> found = new ArrayList<>();
        memberTemplate.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals(type)) {
                found.add(resource);
            }
        });
        return found;
    }

    /** Every name a resource carries in its account and region, with the region token resolved. */
    private static Set<String> physicalNames(JsonNode template, String region) {
        Set<String> names = new TreeSet<>();
        template.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::Lambda::Alias")) {
                return; // an alias is named per function, not per account and region
            }
            JsonNode properties = resource.path("Properties");
            for (String field : List.of("RoleName", "Name", "ConfigRuleName", "AlarmName", "StatementId")) {
                JsonNode value = properties.path(field);
                if (!value.isMissingNode()) {
                    names.add(resolveRegion(value, region));
                }
            }
        });
        return names;
    }

    private static String resolveRegion(JsonNode value, String region) {
        if (value.isTextual()) {
            return value.asText();
        }
        JsonNode join = value.path("Fn::Join");
        StringBuilder text = new StringBuilder();
        join.path(1).forEach(part -> text.append(part.isTextual() ? part.asText()
                : part.path("Ref").asText().equals("AWS::Region") ? region : "?"));
        return text.toString();
    }
}
