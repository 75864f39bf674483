package dev.securitywatch.infra.member;

import dev.securitywatch.catalog.MemberNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.Universal;
import software.amazon.awscdk.services.scheduler.targets.UniversalTargetProps;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * The canary of one member account and region: every {@code health.canaryMinutes} an EventBridge Scheduler schedule
 * overwrites the SSM parameter {@link MemberNames#canaryParameter()} with its scheduled time, through Scheduler's
 * universal target (no Lambda). CloudTrail records the write, the member's forwarding rules forward it, and the
 * security account's heartbeat tracker notes the path alive. In us-east-1 a second schedule tags the canary's role,
 * which proves the global-services path (IAM events reach EventBridge only there).
 *
 * <p>An SSM parameter rather than a security group: a group needs a VPC, and CIS asks for default VPCs to be deleted.
 * The role may write that one parameter and tag itself, nothing else.
 */
public final class Canary extends Construct {
    static final String HEARTBEAT_TAG = "security-watch-heartbeat";
    private static final String SCHEDULED_TIME = "<aws.scheduler.scheduled-time>";

    public Canary(Construct scope, String id, MemberNames names, int canaryMinutes, GlobalServices global) {
        super(scope, id);
        Stack stack = Stack.of(this);
        StringParameter parameter = StringParameter.Builder.create(this, "Parameter")
                .parameterName(names.canaryParameter())
                .description("Security Watch canary: overwritten every " + canaryMinutes + " minutes to prove this"
                        + " account and region's path to the security account")
                .stringValue("no heartbeat yet")
                .build();
        String roleName = names.canaryRole(stack.getRegion());
        Role role = Role.Builder.create(this, "Role")
                .roleName(roleName)
                .description("Security Watch canary: writes its heartbeat and nothing else")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com", software.amazon.awscdk.services.iam
                        .ServicePrincipalOpts.builder().conditions(Map.of("StringEquals",
                                Map.of("aws:SourceAccount", stack.getAccount()))).build()))
                .build();
        PolicyStatement write = PolicyStatement.Builder.create()
                .actions(List.of("ssm:PutParameter"))
                .resources(List.of(parameter.getParameterArn()))
                .build();
        heartbeat("Schedule", "putParameter", "ssm", write, role, canaryMinutes, ordered(
                "Name", names.canaryParameter(), "Value", SCHEDULED_TIME, "Overwrite", true, "Type", "String"));
        if (global.present()) {
            PolicyStatement tag = PolicyStatement.Builder.create()
                    .actions(List.of("iam:TagRole"))
                    .resources(List.of(role.getRoleArn()))
                    .build();
            global.limit(heartbeat("GlobalSchedule", "tagRole", "iam", tag, role, canaryMinutes, ordered(
                    "RoleName", roleName, "Tags", List.of(ordered("Key", HEARTBEAT_TAG, "Value", SCHEDULED_TIME)))));
        }
    }

    /** A request in a fixed key order, so every synth writes the same template. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private Schedule heartbeat(String id, String action, String service, PolicyStatement permission, Role role,
                           int canaryMinutes, Map<String, Object> request) {
        return Schedule.Builder.create(this, id)
                .description("Security Watch canary: a heartbeat through this account and region's path")
                .schedule(ScheduleExpression.rate(Duration.minutes(canaryMinutes)))
                .target(new Universal(UniversalTargetProps.builder()
                        .service(service)
                        .action(action)
                        .role(role)
                        .policyStatements(List.of(permission))
                        .input(ScheduleTargetInput.fromObject(request))
                        // A missed heartbeat is a signal; a late retry would hide it.
                        .retryAttempts(0)
                        .maxEventAge(Duration.minutes(1))
                        .build()))
                .build();
    }
}
