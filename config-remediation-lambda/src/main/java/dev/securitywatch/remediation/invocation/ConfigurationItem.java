package dev.securitywatch.remediation.invocation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of an AWS Config configuration item that remediation reads. {@code configuration} is null for the
 * summary of an oversized item, which must be fetched with GetResourceConfigHistory.
 */
public record ConfigurationItem(String resourceType, String resourceId, String resourceName, String status,
                                Instant captureTime, String accountId, String region, JsonNode configuration,
                                Map<String, String> tags) {
    public static final String SECURITY_GROUP_TYPE = "AWS::EC2::SecurityGroup";
    private static final Set<String> DELETED = Set.of("ResourceDeleted", "ResourceDeletedNotRecorded");

    public ConfigurationItem {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** Why Config must get NOT_APPLICABLE for this item, or empty when the item is a live security group. */
    public Optional<String> notApplicableReason() {
        if (!SECURITY_GROUP_TYPE.equals(resourceType)) {
            return Optional.of("not a security group (" + resourceType + ")");
        }
        if (status != null && DELETED.contains(status)) {
            return Optional.of("security group deleted (" + status + ")");
        }
        return Optional.empty();
    }

    public boolean oversized() {
        return configuration == null;
    }
}
