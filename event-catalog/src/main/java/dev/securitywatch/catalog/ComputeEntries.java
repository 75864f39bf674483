package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.COMPUTE;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.LOW;
import static dev.securitywatch.catalog.Severity.MEDIUM;

import java.util.List;
import java.util.Map;

/**
 * EC2 and ECS persistence and access: user data, default encryption, imported keys, traffic mirroring, serial
 * console, task definitions that fetch their role's credentials.
 */
final class ComputeEntries {
    private static final String CONTAINER_CREDENTIALS_URI = "*$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI*";

    static final List<CatalogEntry> ENTRIES = inCategory(COMPUTE,
            cloudTrail("ec2-user-data-modified", HIGH, "ec2").names("ModifyInstanceAttribute").succeeded()
                    // The request names the attribute as a key (--user-data) or as attribute and value
                    // (--attribute userData --value); CloudTrail records whichever the caller sent.
                    .where("$or", List.of(
                            Map.of("requestParameters", Map.of("userData", List.of(Map.of("exists", true)))),
                            Map.of("requestParameters", Map.of("attribute", List.of("userData")))))
                    .title("EC2 instance user data modified").resourceKind("EC2 instance")
                    .reference("Panther aws_ec2_startup_script_change; Stratus aws.execution.ec2-user-data;"
                            + " Sigma aws_ec2_startup_script_change (the attribute form)"),
            cloudTrail("ecs-task-fetches-role-credentials", MEDIUM, "ecs").names("RegisterTaskDefinition")
                    .succeeded()
                    // The SDKs in a container read this variable themselves; a command that spells it out fetches
                    // the task role's keys for something else to use.
                    .where("requestParameters", Map.of("containerDefinitions", Map.of("$or", List.of(
                            Map.of("command", List.of(Map.of("wildcard", CONTAINER_CREDENTIALS_URI))),
                            Map.of("entryPoint", List.of(Map.of("wildcard", CONTAINER_CREDENTIALS_URI)))))))
                    .title("ECS task definition fetches its role's credentials").resourceKind("ECS task definition")
                    .reference("Sigma aws_ecs_task_definition_cred_endpoint_query"),
            cloudTrail("ebs-default-encryption-disabled", HIGH, "ec2").names("DisableEbsEncryptionByDefault")
                    .succeeded()
                    .title("EBS encryption by default turned off").resourceKind("EBS default encryption")
                    .reference("Security Hub control EC2.7: EBS default encryption should be enabled"),
            cloudTrail("ec2-key-pair-imported", MEDIUM, "ec2").names("ImportKeyPair").succeeded()
                    .title("EC2 key pair imported").resourceKind("EC2 key pair")
                    .reference("research note: an imported key pair is a way into every instance launched with it"),
            cloudTrail("ec2-traffic-mirroring", HIGH, "ec2")
                    .names("CreateTrafficMirrorSession", "CreateTrafficMirrorTarget", "CreateTrafficMirrorFilter")
                    .succeeded()
                    .title("EC2 traffic mirroring set up").resourceKind("Traffic mirror")
                    .reference("Panther aws_ec2_traffic_mirroring"),
            cloudTrail("ec2-serial-console-enabled", HIGH, "ec2").names("EnableSerialConsoleAccess").succeeded()
                    .title("EC2 serial console access turned on").resourceKind("EC2 serial console")
                    .reference("Stratus aws.lateral-movement.ec2-serial-console-send-ssh-public-key"),
            cloudTrail("ec2-instance-connect-key-pushed", MEDIUM, "ec2-instance-connect")
                    .names("SendSSHPublicKey", "SendSerialConsoleSSHPublicKey").succeeded()
                    .title("SSH key pushed to an instance through EC2 Instance Connect").resourceKind("EC2 instance")
                    .reference("Panther aws_ec2_multi_instance_connect; Stratus aws.lateral-movement.ec2-instance-connect"),
            cloudTrail("ssm-remote-execution", MEDIUM, "ssm").names("SendCommand", "StartSession").succeeded()
                    .optIn()
                    .title("Command or session run on instances through Systems Manager").resourceKind("SSM command")
                    .reference("Stratus aws.execution.ssm-send-command, aws.execution.ssm-start-session (opt-in:"
                            + " routine for patching and operations in many accounts)"),
            cloudTrail("roles-anywhere-trust-anchor", HIGH, "rolesanywhere")
                    .names("CreateTrustAnchor", "UpdateTrustAnchor", "CreateProfile").succeeded()
                    .title("IAM Roles Anywhere trust anchor or profile created").resourceKind("Roles Anywhere")
                    .reference("Stratus aws.persistence.rolesanywhere-create-trust-anchor"),
            cloudTrail("ec2-detailed-monitoring-off", LOW, "ec2").names("UnmonitorInstances").succeeded()
                    .title("EC2 detailed monitoring turned off").resourceKind("EC2 instance")
                    .reference("research note: less monitoring data for the instances named"));

    private ComputeEntries() {
    }
}
