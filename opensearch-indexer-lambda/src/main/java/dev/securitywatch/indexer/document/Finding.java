package dev.securitywatch.indexer.document;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields GuardDuty and Security Hub findings share, under one name ({@code finding.*}), so auditors can query
 * both at once.
 *
 * @param severity the finding's own label (LOW, MEDIUM, HIGH, CRITICAL, or INFORMATIONAL for Security Hub)
 * @param score    GuardDuty's numeric severity or Security Hub's normalised 0-100 score, when present
 */
record Finding(String id, String type, String title, String severity, Double score, String product,
               String account, String region, String time) {

    static Finding guardDuty(JsonNode detail) {
        JsonNode severity = detail.path("severity");
        Double score = severity.isNumber() ? severity.doubleValue() : null;
        return new Finding(text(detail, "id"), text(detail, "type"), text(detail, "title"),
                score == null ? null : guardDutyLabel(score), score, "GuardDuty", text(detail, "accountId"),
                text(detail, "region"), firstNonNull(text(detail, "updatedAt"), text(detail, "createdAt")));
    }

    static Finding securityHub(JsonNode finding) {
        JsonNode severity = finding.path("Severity");
        JsonNode normalized = severity.path("Normalized");
        JsonNode types = finding.path("Types");
        String type = types.isArray() && types.size() > 0 ? types.get(0).asText() : null;
        return new Finding(text(finding, "Id"), type, text(finding, "Title"), text(severity, "Label"),
                normalized.isNumber() ? normalized.doubleValue() : null,
                firstNonNull(text(finding, "ProductName"), text(finding, "ProductArn")),
                text(finding, "AwsAccountId"), text(finding, "Region"),
                firstNonNull(text(finding, "UpdatedAt"), text(finding, "CreatedAt")));
    }

    /**
     * One document per update of a finding: its id and the time of this version. Updates come back with the same
     * finding id; with the id alone, create-only writes would drop every update after the first as a duplicate.
     */
    String versionId() {
        return id == null ? null : time == null ? id : id + "@" + time;
    }

    /** GuardDuty's documented bands: 7.0-8.9 high, 4.0-6.9 medium, 1.0-3.9 low; 9.0 and above critical. */
    private static String guardDutyLabel(double score) {
        if (score >= 9.0) {
            return "CRITICAL";
        }
        if (score >= 7.0) {
            return "HIGH";
        }
        return score >= 4.0 ? "MEDIUM" : "LOW";
    }

    void writeTo(ObjectNode node) {
        putIfPresent(node, "id", id);
        putIfPresent(node, "type", type);
        putIfPresent(node, "title", title);
        putIfPresent(node, "severity", severity);
        if (score != null) {
            node.put("score", score);
        }
        putIfPresent(node, "product", product);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
