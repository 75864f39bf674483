package dev.securitywatch.infra.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.infra.DefaultContext;
import dev.securitywatch.infra.SecurityWatch;
import dev.securitywatch.infra.SecurityWatchApp;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.infra.config.ContextReader;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import dev.securitywatch.infra.lambda.LambdaSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * In {@code deployment.mode: stackset} the membership watch lists the StackSet's instances, which CloudFormation
 * answers only to the StackSet's administrator: the security account gets the permission and the call only when it
 * is that administrator, and is told why not otherwise. Stacks mode has neither.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembershipWatchStackSetTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SECURITY_ACCOUNT = "123456789012";
    private static final String MANAGEMENT_ACCOUNT = "999999999999";
    private static final String STACKSET_ARN = "arn:aws:cloudformation:ap-northeast-1:*:stackset/SecurityWatch-Member:*";

    private CentralStack delegatedToSecurity;
    private CentralStack administeredElsewhere;
    private CentralStack stacks;

    @BeforeAll
    void synthesize() {
        delegatedToSecurity = synthesize(stackSet(SECURITY_ACCOUNT, "DELEGATED_ADMIN"));
        administeredElsewhere = synthesize(stackSet(MANAGEMENT_ACCOUNT, "SELF"));
        stacks = synthesize(Map.of());
    }

    @Test
    void theDelegatedAdministratorListsTheStackSetsInstancesAndNothingElseOfCloudFormation() {
        Map<String, JsonNode> env = environment(delegatedToSecurity);
        assertThat(env.get("STACKSET_NAME").asText()).isEqualTo("SecurityWatch-Member");
        assertThat(env.get("STACKSET_CALL_AS").asText()).isEqualTo("DELEGATED_ADMIN");
        assertThat(env).doesNotContainKey("STACKSET_UNREADABLE");

        List<JsonNode> statements = statements(delegatedToSecurity);
        assertThat(statements).filteredOn(s -> s.toString().contains("cloudformation:")).singleElement()
                .satisfies(statement -> {
                    assertThat(statement.path("Action").asText()).isEqualTo("cloudformation:ListStackInstances");
                    assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                    assertThat(resource(statement)).isEqualTo(STACKSET_ARN);
                });
        assertThat(statements).filteredOn(s -> s.path("Action").toString()
                .contains("\"organizations:ListDelegatedAdministrators\"")).singleElement()
                .satisfies(statement -> assertThat(statement.path("Resource").asText()).isEqualTo("*"));
    }

    @Test
    void aStackSetAdministeredFromAnotherAccountIsNotReadAndTheInventorySaysWhy() {
        Map<String, JsonNode> env = environment(administeredElsewhere);
        assertThat(env.get("STACKSET_NAME").asText()).isEqualTo("SecurityWatch-Member");
        assertThat(env).doesNotContainKey("STACKSET_CALL_AS");
        assertThat(env.get("STACKSET_UNREADABLE").asText()).isEqualTo("the StackSet is administered from "
                + MANAGEMENT_ACCOUNT + ", and only its administrator can list its instances: deploy it from the"
                + " security account " + SECURITY_ACCOUNT + " as delegated administrator"
                + " (deployment.administratorAccount, callAs DELEGATED_ADMIN) to have them checked");
        assertThat(statements(administeredElsewhere).toString())
                .doesNotContain("cloudformation:", "ListDelegatedAdministrators");
    }

    @Test
    void theManagementAccountAsSecurityAccountReadsAsSelfWithoutTheDelegationCheck() {
        CentralStack management = synthesize(stackSet(SECURITY_ACCOUNT, "SELF"));

        assertThat(environment(management).get("STACKSET_CALL_AS").asText()).isEqualTo("SELF");
        String policy = statements(management).toString();
        assertThat(policy).contains("cloudformation:ListStackInstances").doesNotContain("ListDelegatedAdministrators");
        assertThat(nagErrors(management)).isEmpty();
    }

    @Test
    void stacksModeAddsNeitherTheVariablesNorThePermissions() {
        assertThat(environment(stacks)).doesNotContainKeys("STACKSET_NAME", "STACKSET_CALL_AS",
                "STACKSET_UNREADABLE");
        assertThat(statements(stacks).toString()).doesNotContain("cloudformation:", "ListDelegatedAdministrators");
    }

    @Test
    void theNotifiersCoverageCheckExpectsTheStackSetsRegionsInStackSetModeOnly() {
        assertThat(environment(delegatedToSecurity, "NotifierHandler").get("STACKSET").asText())
                .isEqualTo("{\"name\":\"SecurityWatch-Member\",\"regions\":[\"us-east-1\"]}");
        assertThat(environment(administeredElsewhere, "NotifierHandler")).containsKey("STACKSET");
        assertThat(LambdaSettings.of(stacks, "NotifierHandler")).doesNotContainKey("STACKSET")
                .containsKey("MEMBER_PATHS");
    }

    @Test
    void withoutOrganizationsThereIsNoInventoryAndSoNoStackSetRead() {
        Map<String, Object> overrides = new HashMap<>(stackSet(SECURITY_ACCOUNT, "DELEGATED_ADMIN"));
        Map<String, Object> hubMemberCheck = new HashMap<>(castMap(DefaultContext.get().get("hubMemberCheck")));
        hubMemberCheck.put("readOrganizations", false);
        overrides.put("hubMemberCheck", hubMemberCheck);
        CentralStack withoutOrganizations = synthesize(overrides);

        assertThat(environment(withoutOrganizations)).doesNotContainKey("STACKSET_NAME");
        assertThat(statements(withoutOrganizations).toString()).doesNotContain("cloudformation:");
    }

    @Test
    void cdkNagStaysCleanWithTheReadAndWithout() {
        assertThat(nagErrors(delegatedToSecurity)).isEmpty();
        assertThat(nagErrors(administeredElsewhere)).isEmpty();
    }

    private static Map<String, Object> stackSet(String administrator, String callAs) {
        return Map.of("organizationId", "o-a1b2c3d4e5", "deployment", Map.of("mode", "stackset",
                "administratorAccount", administrator, "callAs", callAs,
                "organizationalUnits", List.of("ou-ab12-cdef3456"), "regions", List.of("us-east-1")));
    }

    /** The central stack alone: the StackSet and member stacks play no part here and take long to synthesize. */
    private static CentralStack synthesize(Map<String, Object> overrides) {
        App app = App.Builder.create().context(DefaultContext.withOverrides(overrides)).build();
        SecurityWatchConfig config = new ContextReader(app.getNode()::tryGetContext,
                SecurityWatchApp.knownRegions()).read();
        CentralStack central = new CentralStack(app, SecurityWatch.CENTRAL_STACK, StackProps.builder()
                .env(Environment.builder().account(config.securityAccount()).region(config.centralRegion()).build())
                .build(), config, Catalog.defaults().configure(config.catalog()));
        SecurityWatchApp.checkWithCdkNag(app);
        app.synth();
        return central;
    }

    private static Map<String, JsonNode> environment(CentralStack central) {
        return environment(central, "HubMemberCheckHandler");
    }

    private static Map<String, JsonNode> environment(CentralStack central, String handler) {
        JsonNode function = MAPPER.valueToTree(Template.fromStack(central).findResources(
                "AWS::Lambda::Function", Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("Handler",
                        Match.stringLikeRegexp(".*" + handler + ".*"))))))).elements().next();
        Map<String, JsonNode> env = new HashMap<>();
        function.path("Properties").path("Environment").path("Variables").fields()
                .forEachRemaining(entry -> env.put(entry.getKey(), entry.getValue()));
        return env;
    }

    /** Every statement of the membership watch's role. */
    private static List<JsonNode> statements(CentralStack central) {
        JsonNode policies = MAPPER.valueToTree(Template.fromStack(central).findResources(
                "AWS::IAM::Policy", Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("Roles",
                        Match.arrayWith(List.of(Map.of("Ref",
                                Match.stringLikeRegexp("MembershipWatchLambdaRole.*"))))))))));
        List<JsonNode> statements = new ArrayList<>();
        policies.forEach(policy -> policy.path("Properties").path("PolicyDocument").path("Statement")
                .forEach(statements::add));
        return statements;
    }

    /** A resource as the template spells it: a plain string, or a join of a partition token and text. */
    private static String resource(JsonNode statement) {
        JsonNode resource = statement.path("Resource");
        if (resource.isTextual()) {
            return resource.asText();
        }
        StringBuilder joined = new StringBuilder();
        resource.path("Fn::Join").path(1).forEach(part -> joined.append(part.isTextual() ? part.asText()
                : part.path("Ref").asText().equals("AWS::Partition") ? "aws" : part.toString()));
        return joined.toString();
    }

    private static List<?> nagErrors(CentralStack central) {
        return Annotations.fromStack(central).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
