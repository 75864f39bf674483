package dev.securitywatch.catalog;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the category files readable: one fluent statement per entry, and the category said once per file by
 * {@link #inCategory}.
 */
final class EntryBuilder {
    private final String id;
    private final Severity severity;
    private Match source;
    private List<String> detailTypes = List.of(CatalogEntry.API_CALL);
    private String eventSource;
    private List<Match> eventNames = List.of();
    private final Map<String, Object> detailFilter = new LinkedHashMap<>();
    private RegionScope regionScope = RegionScope.EVERY_REGION;
    private String title;
    private String resourceKind;
    private String reference = "";
    private boolean enabledByDefault = true;
    private boolean readOnlyOptIn;
    private GroupBy groupBy = GroupBy.ACTOR;

    private EntryBuilder(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    /** The entries of one category file, in the order given. */
    static List<CatalogEntry> inCategory(Category category, EntryBuilder... entries) {
        return Arrays.stream(entries).map(entry -> entry.build(category)).toList();
    }

    /**
     * A CloudTrail API-call entry for one service, e.g. {@code cloudTrail(..., "iam")} watches iam.amazonaws.com.
     * Its resource kind defaults to the service's ({@link ResourceKinds#ofService}).
     */
    static EntryBuilder cloudTrail(String id, Severity severity, String service) {
        EntryBuilder builder = new EntryBuilder(id, severity);
        builder.source = Match.exact("aws." + service);
        builder.eventSource = service + ".amazonaws.com";
        builder.resourceKind = ResourceKinds.ofService(service);
        return builder;
    }

    /** A non-CloudTrail event, identified by source and detail-type only. */
    static EntryBuilder event(String id, Severity severity, String source, String... detailTypes) {
        EntryBuilder builder = new EntryBuilder(id, severity);
        builder.source = Match.exact(source);
        builder.detailTypes = List.of(detailTypes);
        return builder;
    }

    /** Any AWS service; the detail filter narrows it down. The resource kind comes from each event's service. */
    static EntryBuilder anyAwsService(String id, Severity severity) {
        EntryBuilder builder = new EntryBuilder(id, severity);
        builder.source = Match.prefix("aws.");
        return builder;
    }

    EntryBuilder detailTypes(String... values) {
        this.detailTypes = List.of(values);
        return this;
    }

    EntryBuilder names(String... names) {
        this.eventNames = Arrays.stream(names).map(Match::exact).toList();
        return this;
    }

    EntryBuilder namePrefixes(String... prefixes) {
        this.eventNames = Arrays.stream(prefixes).map(Match::prefix).toList();
        return this;
    }

    EntryBuilder where(String detailField, Object patternValue) {
        detailFilter.put(detailField, patternValue);
        return this;
    }

    /**
     * Only calls that succeeded: a refused one changed nothing, and the unauthorized-call entry reports it. Some
     * exports write an empty {@code errorCode} on success.
     */
    EntryBuilder succeeded() {
        return where("errorCode", List.of(Map.of("exists", false), ""));
    }

    EntryBuilder usEast1Only() {
        this.regionScope = RegionScope.US_EAST_1;
        return this;
    }

    EntryBuilder title(String value) {
        this.title = value;
        return this;
    }

    /**
     * What the alert headline says changed, when the service's default does not fit. Names containing
     * {@code SecurityGroup} read "Security group" whatever this says.
     */
    EntryBuilder resourceKind(String value) {
        this.resourceKind = value;
        return this;
    }

    EntryBuilder reference(String value) {
        this.reference = value;
        return this;
    }

    EntryBuilder optIn() {
        this.enabledByDefault = false;
        return this;
    }

    EntryBuilder includingReadOnlyCalls() {
        this.readOnlyOptIn = true;
        return this;
    }

    /** A burst of these alerts is one summary per account, whoever acted (see {@link GroupBy#ACCOUNT}). */
    EntryBuilder groupedByAccount() {
        this.groupBy = GroupBy.ACCOUNT;
        return this;
    }

    CatalogEntry build(Category category) {
        return new CatalogEntry(id, category, severity, source, detailTypes, eventSource, eventNames, detailFilter,
                regionScope, title, resourceKind, reference, enabledByDefault, readOnlyOptIn, groupBy);
    }
}
