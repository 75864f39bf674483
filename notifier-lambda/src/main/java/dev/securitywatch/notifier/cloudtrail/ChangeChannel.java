package dev.securitywatch.notifier.cloudtrail;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import dev.securitywatch.event.ActorType;
import dev.securitywatch.event.CloudTrailEvent;
import dev.securitywatch.notifier.render.RenderSettings;
import java.util.Locale;
import java.util.Set;

/**
 * How a change was made, which changes how to read it: by a deployment (CloudFormation, or a role listed in
 * {@code alerts.deploymentRoles}), in the console by hand, or through the API (a script, the CLI, an SDK).
 */
public enum ChangeChannel {
    DEPLOYMENT("deployment"),
    CONSOLE("console (ClickOps)"),
    API("API");

    private static final String CLOUDFORMATION = "cloudformation.amazonaws.com";
    /** Console sign-ins and the sign-in tokens federation turns into console sessions. */
    private static final String SIGN_IN = "signin.amazonaws.com";
    private static final Set<String> CONSOLE_AGENTS = Set.of("console.amazonaws.com", "signin.amazonaws.com",
            "console.ec2.amazonaws.com", "aws internal");

    private final String label;

    ChangeChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ChangeChannel of(CloudTrailEvent event, RenderSettings.Deployments deployments) {
        if (CLOUDFORMATION.equals(event.actor().invokedBy()) || CLOUDFORMATION.equals(event.sourceIpAddress())
                || deployments.isDeploymentRole(roleName(event))) {
            return DEPLOYMENT;
        }
        if (SIGN_IN.equals(event.eventSource())) {
            return CONSOLE;
        }
        String agent = event.userAgent() == null ? "" : event.userAgent().toLowerCase(Locale.ROOT);
        if ("true".equals(text(event.record(), "sessionCredentialFromConsole")) || CONSOLE_AGENTS.contains(agent)
                || agent.startsWith("[s3console") || agent.startsWith("s3console")) {
            return CONSOLE;
        }
        return API;
    }

    /** The role behind an assumed-role session, else null: deployment roles are named, sessions are not. */
    private static String roleName(CloudTrailEvent event) {
        if (event.actor().type() != ActorType.ASSUMED_ROLE || event.actor().arn() == null) {
            return null;
        }
        String[] parts = event.actor().arn().split("assumed-role/", 2);
        return parts.length < 2 ? null : parts[1].split("/", 2)[0];
    }
}
