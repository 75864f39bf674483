package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.NOTIFICATION_TAMPERING;
import static dev.securitywatch.catalog.Severity.MEDIUM;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;

/** Tampering with notifications (SNS). */
final class NotificationTamperingEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(NOTIFICATION_TAMPERING,
            cloudTrail("sns-tampering", MEDIUM, "sns")
                    .names("DeleteTopic", "SetTopicAttributes", "Subscribe", "Unsubscribe",
                            "SetSubscriptionAttributes", "AddPermission", "RemovePermission")
                    .title("SNS topic or subscription changed")
                    .reference("research note: alert suppression by unsubscribing"));

    private NotificationTamperingEntries() {
    }
}
