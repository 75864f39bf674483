package dev.securitywatch.catalog.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuppressionsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final String TERRAFORM = "arn:aws:sts::111111111111:assumed-role/terraform";

    static Suppressions read(String json) {
        try {
            return Suppressions.fromJson(MAPPER.readTree(json.replace('\'', '"')));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String entry(String match, String more) {
        return "{'match': " + match + ", 'action': 'drop', 'reason': 'pipeline tags', 'owner': 'platform@example.com',"
                + " 'expires': '2027-03-31'" + more + "}";
    }

    static SuppressionSubject subject(String actor, String eventName, Severity severity) {
        return new SuppressionSubject("111111111111", Optional.ofNullable(actor), eventName, Optional.of("network"),
                "us-east-1", severity);
    }

    @Nested
    class Reading {
        @Test
        void readsEveryField() {
            Suppression s = read("[{'id': 'terraform-tags', 'match': {'accounts': ['111111111111'], 'actorArn': '"
                    + TERRAFORM + "', 'eventNames': ['CreateTags'], 'categories': ['network'], 'regions': ['us-east-1']},"
                    + " 'action': 'summary-only', 'reason': 'pipeline tags', 'owner': 'platform@example.com',"
                    + " 'expires': '2027-03-31', 'includeCritical': true}]").entries().get(0);

            assertThat(s.id()).isEqualTo("terraform-tags");
            assertThat(s.action()).isEqualTo(Suppression.Action.SUMMARY_ONLY);
            assertThat(s.expires()).isEqualTo(LocalDate.of(2027, 3, 31));
            assertThat(s.includeCritical()).isTrue();
            assertThat(s.match().describe()).isEqualTo("accounts 111111111111 · actor " + TERRAFORM
                    + " · events CreateTags · categories network · regions us-east-1");
        }

        @Test
        void absentOrNullIsNone() {
            assertThat(Suppressions.fromJson(null).isEmpty()).isTrue();
            assertThat(read("[]").isEmpty()).isTrue();
        }

        @Test
        void anIdLeftOutIsDerivedFromMatchAndActionSoItSurvivesARewordedReason() {
            String one = read("[" + entry("{'eventNames': ['CreateTags']}", "") + "]").entries().get(0).id();
            String reworded = read("[" + entry("{'eventNames': ['CreateTags']}", "").replace("pipeline tags", "x")
                    + "]").entries().get(0).id();
            String other = read("[" + entry("{'eventNames': ['DeleteTags']}", "") + "]").entries().get(0).id();

            assertThat(one).matches("s-[0-9a-f]{8}").isEqualTo(reworded).isNotEqualTo(other);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "not a list|{}|(root): expected a list of suppressions",
            "unknown field|[{'match': {'eventNames': ['A']}, 'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01', 'until': 'x'}]|[0].until: unknown field",
            "empty match|[{'match': {}, 'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01'}]|[0].match: needs at least one of",
            "no match|[{'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01'}]|[0].match: expected an object",
            "bad action|[{'match': {'eventNames': ['A']}, 'action': 'mute', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01'}]|[0].action: expected one of [drop, summary-only, downgrade], got \"mute\"",
            "no reason|[{'match': {'eventNames': ['A']}, 'action': 'drop', 'owner': 'o', 'expires': '2027-01-01'}]|[0].reason: required",
            "blank owner|[{'match': {'eventNames': ['A']}, 'action': 'drop', 'reason': 'r', 'owner': ' ', 'expires': '2027-01-01'}]|[0].owner: required",
            "no expiry|[{'match': {'eventNames': ['A']}, 'action': 'drop', 'reason': 'r', 'owner': 'o'}]|[0].expires: required",
            "bad date|[{'match': {'eventNames': ['A']}, 'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '31/03/2027'}]|[0].expires: expected a date such as 2027-03-31",
            "bad account|[{'match': {'accounts': ['1111']}, 'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01'}]|[0].match.accounts[0]: expected a 12-digit account id",
            "account as number|[{'match': {'accounts': [111111111111]}, 'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01'}]|[0].match.accounts[0]: expected a 12-digit account id",
            "bad region|[{'match': {'regions': ['us-east1']}, 'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01'}]|[0].match.regions[0]: expected a region",
            "unknown category|[{'match': {'categories': ['iamm']}, 'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01'}]|[0].match.categories[0]: unknown category \"iamm\"",
            "empty list|[{'match': {'eventNames': []}, 'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01'}]|[0].match.eventNames: expected a non-empty list",
            "actor not an ARN|[{'match': {'actorArn': 'terraform'}, 'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01'}]|[0].match.actorArn: expected an IAM or STS ARN",
            "includeCritical text|[{'match': {'eventNames': ['A']}, 'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01', 'includeCritical': 'yes'}]|[0].includeCritical: expected true or false",
            "bad id|[{'id': 'Terraform Tags', 'match': {'eventNames': ['A']}, 'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01'}]|[0].id: expected lowercase letters",
            "same id twice|[{'id': 'a', 'match': {'eventNames': ['A']}, 'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01'}, {'id': 'a', 'match': {'eventNames': ['B']}, 'action': 'drop', 'reason': 'r', 'owner': 'o', 'expires': '2027-01-01'}]|[1].id: \"a\" is used twice",
        })
        void badInputNamesTheFieldAndWhatWasExpected(String why, String json, String message) {
            assertThatThrownBy(() -> read(json))
                    .isInstanceOf(SuppressionFormatException.class)
                    .hasMessageStartingWith(message);
        }
    }

    @Nested
    class Matching {
        @Test
        void everyGivenSelectorMustMatch() {
            Suppressions list = read("[" + entry("{'accounts': ['111111111111'], 'eventNames': ['CreateTags'],"
                    + " 'regions': ['us-east-1'], 'categories': ['network']}", "") + "]");

            assertThat(list.covering(subject(null, "CreateTags", Severity.LOW), NOW)).isPresent();
            assertThat(list.covering(subject(null, "DeleteTags", Severity.LOW), NOW)).isEmpty();
            assertThat(list.covering(new SuppressionSubject("222222222222", Optional.empty(), "CreateTags",
                    Optional.of("network"), "us-east-1", Severity.LOW), NOW)).isEmpty();
            assertThat(list.covering(new SuppressionSubject("111111111111", Optional.empty(), "CreateTags",
                    Optional.of("network"), "eu-west-1", Severity.LOW), NOW)).isEmpty();
            assertThat(list.covering(new SuppressionSubject("111111111111", Optional.empty(), "CreateTags",
                    Optional.empty(), "us-east-1", Severity.LOW), NOW)).isEmpty();
        }

        @Test
        void anActorSelectorNeverMatchesAnAlertWithoutAnActor() {
            Suppressions list = read("[" + entry("{'actorArn': 'arn:aws:sts::*:assumed-role/*'}", "") + "]");

            assertThat(list.covering(subject(null, "CreateTags", Severity.LOW), NOW)).isEmpty();
            assertThat(list.covering(subject(TERRAFORM, "CreateTags", Severity.LOW), NOW)).isPresent();
        }

        @ParameterizedTest(name = "{0} vs {1}: {2}")
        @CsvSource({
            "arn:aws:sts::111111111111:assumed-role/terraform, arn:aws:sts::111111111111:assumed-role/terraform, true",
            "arn:aws:sts::111111111111:assumed-role/terraform, arn:aws:sts::111111111111:assumed-role/terraform-evil, false",
            "arn:aws:sts::111111111111:assumed-role/terraform, arn:aws:sts::222222222222:assumed-role/terraform, false",
            "arn:aws:sts::*:assumed-role/terraform, arn:aws:sts::222222222222:assumed-role/terraform, true",
            "arn:aws:sts::*:assumed-role/terraform, arn:aws:iam::222222222222:user/terraform, false",
            "arn:aws:sts::111111111111:assumed-role/terraform-*, arn:aws:sts::111111111111:assumed-role/terraform-ci, true",
            // A * stays inside its part: it cannot reach across a / or a : to make a look-alike match.
            "arn:aws:sts::111111111111:assumed-role/*, arn:aws:sts::111111111111:assumed-role/a/b, false",
            "arn:aws:sts::1*:assumed-role/terraform, arn:aws:sts::1:x:assumed-role/terraform, false",
            "arn:aws:iam::111111111111:user/ci-*, arn:aws:iam::111111111111:user/ci-bot, true",
            "arn:aws:iam::111111111111:root, arn:aws:iam::111111111111:root, true",
            // Literal dots and brackets, never regular-expression syntax.
            "arn:aws:iam::111111111111:user/a.b, arn:aws:iam::111111111111:user/aXb, false",
        })
        void actorGlobs(String glob, String actor, boolean matches) {
            assertThat(new ActorGlob(glob).matches(actor)).isEqualTo(matches);
        }

        @Test
        void criticalIsNeverSuppressedUnlessTheEntrySaysSo() {
            SuppressionSubject critical = subject(TERRAFORM, "CreateTags", Severity.CRITICAL);

            assertThat(read("[" + entry("{'eventNames': ['CreateTags']}", "") + "]").covering(critical, NOW))
                    .isEmpty();
            assertThat(read("[" + entry("{'eventNames': ['CreateTags']}", ", 'includeCritical': true") + "]")
                    .covering(critical, NOW)).isPresent();
        }

        @Test
        void theFirstEntryInForceWins() {
            Suppressions list = read("[" + entry("{'eventNames': ['CreateTags']}", ", 'id': 'old'")
                    .replace("2027-03-31", "2026-12-01") + ", "
                    + entry("{'eventNames': ['CreateTags']}", ", 'id': 'first'") + ", "
                    + entry("{'eventNames': ['CreateTags']}", ", 'id': 'second'") + "]");

            assertThat(list.covering(subject(null, "CreateTags", Severity.LOW), NOW)).map(Suppression::id)
                    .contains("first");
        }
    }

    @Nested
    class Expiry {
        final Suppressions list = read("[" + entry("{'eventNames': ['CreateTags']}", ", 'id': 'ends-today'")
                .replace("2027-03-31", "2026-12-03") + ", "
                + entry("{'eventNames': ['DeleteTags']}", ", 'id': 'ends-next-week'").replace("2027-03-31",
                "2026-12-09") + ", "
                + entry("{'eventNames': ['CreateVpc']}", ", 'id': 'ended'").replace("2027-03-31", "2026-12-02")
                + "]");

        @Test
        void anEntryAppliesThroughItsExpiryDayInUtcAndNeverAfter() {
            SuppressionSubject tags = subject(null, "CreateTags", Severity.LOW);

            assertThat(list.covering(tags, Instant.parse("2026-12-03T23:59:59Z"))).isPresent();
            assertThat(list.covering(tags, Instant.parse("2026-12-04T00:00:00Z"))).isEmpty();
            assertThat(list.covering(subject(null, "CreateVpc", Severity.LOW), NOW)).isEmpty();
        }

        @Test
        void expiredAndExpiringSoonAreListed() {
            assertThat(list.expired(NOW)).extracting(Suppression::id).containsExactly("ended");
            assertThat(list.expiringWithin(NOW, Duration.ofDays(7))).extracting(Suppression::id)
                    .containsExactly("ends-today", "ends-next-week");
            assertThat(list.expiringWithin(NOW, Duration.ofDays(1))).extracting(Suppression::id)
                    .containsExactly("ends-today");
        }
    }
}
