package dev.securitywatch.notifier.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.event.CloudTrailEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The resources a CloudTrail call acted on, as {@code type:id}, read from the request (and, for creations, the
 * response). Only fields that name one resource within the account and region are read; a call with none yields an
 * empty list, and grouping and threads then key on the actor and category alone.
 */
public final class ResourceRefs {
    private record Field(String name, String type) {
    }

    /** Most specific first: a rule change on a group in a VPC is about the group. */
    private static final List<Field> FIELDS = List.of(
            new Field("groupId", "security-group"),
            new Field("roleName", "iam-role"),
            new Field("userName", "iam-user"),
            new Field("policyArn", "iam-policy"),
            new Field("bucketName", "s3-bucket"),
            new Field("keyId", "kms-key"),
            new Field("instanceId", "ec2-instance"),
            new Field("snapshotId", "ebs-snapshot"),
            new Field("imageId", "ami"),
            new Field("dBInstanceIdentifier", "rds-instance"),
            new Field("dBClusterIdentifier", "rds-cluster"),
            new Field("dBSnapshotIdentifier", "rds-snapshot"),
            new Field("functionName", "lambda-function"),
            new Field("trailName", "cloudtrail-trail"),
            new Field("detectorId", "guardduty-detector"),
            new Field("configRuleName", "config-rule"),
            new Field("configurationRecorderName", "config-recorder"),
            new Field("networkAclId", "network-acl"),
            new Field("routeTableId", "route-table"),
            new Field("internetGatewayId", "internet-gateway"),
            new Field("logGroupName", "log-group"),
            new Field("secretId", "secret"),
            new Field("repositoryName", "ecr-repository"),
            new Field("vpcId", "vpc"));

    private ResourceRefs() {
    }

    public static List<String> of(CloudTrailEvent event) {
        List<String> refs = new ArrayList<>();
        for (Field field : FIELDS) {
            add(refs, field.type(), event.requestParameters().path(field.name()));
            add(refs, field.type(), event.responseElements().path(field.name()));
        }
        // CloudTrail's own trail calls name the trail "name".
        if ("cloudtrail.amazonaws.com".equals(event.eventSource())) {
            add(refs, "cloudtrail-trail", event.requestParameters().path("name"));
        }
        return List.copyOf(refs);
    }

    private static void add(List<String> refs, String type, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            String ref = type + ":" + value.asText();
            if (!refs.contains(ref)) {
                refs.add(ref);
            }
        }
    }
}
