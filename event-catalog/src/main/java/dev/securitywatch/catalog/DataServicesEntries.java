package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.DATA_SERVICES;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;
import static dev.securitywatch.catalog.Severity.CRITICAL;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.MEDIUM;

import java.util.List;
import java.util.Map;

/**
 * Data services: Bedrock logging and guardrails, Macie, EFS, ECR and Secrets Manager policies, public CodeBuild,
 * deleted SES identities.
 */
final class DataServicesEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(DATA_SERVICES,
            cloudTrail("bedrock-logging-deleted", HIGH, "bedrock").names("DeleteModelInvocationLoggingConfiguration")
                    .succeeded()
                    .title("Bedrock model invocation logging deleted").resourceKind("Bedrock logging")
                    .reference("Panther aws_bedrock_deletemodelinvocationloggingconfiguration"),
            cloudTrail("bedrock-guardrail-change", HIGH, "bedrock").names("UpdateGuardrail", "DeleteGuardrail")
                    .succeeded()
                    .title("Bedrock guardrail changed or deleted").resourceKind("Bedrock guardrail")
                    .reference("Panther aws_bedrock_guardrail_update_delete"),
            cloudTrail("macie-disabled", HIGH, "macie2").names("DisableMacie", "UpdateMacieSession",
                            "DeleteMember", "DisassociateMember").succeeded()
                    .title("Macie disabled or paused").resourceKind("Macie")
                    .reference("Panther aws_macie_evasion"),
            cloudTrail("efs-change", MEDIUM, "elasticfilesystem")
                    .names("DeleteFileSystem", "DeleteMountTarget", "PutFileSystemPolicy", "DeleteFileSystemPolicy")
                    .succeeded()
                    .title("EFS file system, mount target or policy changed").resourceKind("EFS file system")
                    .reference("research note: EFS holds shared data with its own resource policy"),
            cloudTrail("ecr-repository-policy-change", HIGH, "ecr")
                    .names("SetRepositoryPolicy", "DeleteRepositoryPolicy").succeeded()
                    .title("ECR repository policy changed").resourceKind("ECR repository")
                    .reference("research note: a repository policy with a * principal serves images to anyone"),
            cloudTrail("secret-policy-change", HIGH, "secretsmanager")
                    .names("PutResourcePolicy", "DeleteResourcePolicy").succeeded()
                    .title("Secrets Manager resource policy changed").resourceKind("Secret")
                    .reference("research note: a secret's resource policy can grant it to another account"),
            cloudTrail("codebuild-made-public", HIGH, "codebuild").names("UpdateProjectVisibility").succeeded()
                    .where("requestParameters", Map.of("projectVisibility", List.of("PUBLIC_READ")))
                    .title("CodeBuild project made public").resourceKind("CodeBuild project")
                    .reference("Panther aws_codebuild_made_public"),
            cloudTrail("lambda-public-permission", CRITICAL, "lambda").namePrefixes("AddPermission").succeeded()
                    .where("requestParameters", Map.of("principal", List.of("*")))
                    .title("Lambda function made invocable by anyone").resourceKind("Lambda function")
                    .reference("research note: a * principal without a source condition lets any account invoke"),
            cloudTrail("ses-identity-deleted", MEDIUM, "ses").names("DeleteIdentity", "DeleteEmailIdentity")
                    .succeeded()
                    .title("SES sending identity deleted").resourceKind("SES identity")
                    .reference("Sigma aws_delete_identity: deleting the verified address or domain stops its mail"
                            + " and removes what a spam campaign was sent from"));

    private DataServicesEntries() {
    }
}
