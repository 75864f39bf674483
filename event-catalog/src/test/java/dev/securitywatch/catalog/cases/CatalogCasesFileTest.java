package dev.securitywatch.catalog.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.cases.CatalogCases.Case;
import dev.securitywatch.catalog.cases.CatalogCases.CaseFileException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A malformed case file fails before any case runs, naming the case and what is wrong. */
class CatalogCasesFileTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVENT =
            "\"event\": {\"eventSource\": \"iam.amazonaws.com\", \"eventName\": \"CreateUser\"}";

    private static List<Case> parse(String json) throws Exception {
        return CatalogCases.parse("cases.json", MAPPER.readTree(json), Catalog.defaults());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("{}", "cases.json: expected a JSON array of cases"),
                Arguments.of("[3]", "cases.json, case #1: expected an object, got NUMBER"),
                Arguments.of("[{" + EVENT + ", \"matches\": []}]",
                        "cases.json, case #1: missing \"name\""),
                Arguments.of("[{\"name\": \"a\", " + EVENT + ", \"matches\": []},"
                                + " {\"name\": \"a\", " + EVENT + ", \"matches\": []}]",
                        "cases.json, case #2 \"a\": another case has the same name"),
                Arguments.of("[{\"name\": \"a\", " + EVENT + "}]",
                        "cases.json, case #1 \"a\": missing expectation \"matches\": the ids of exactly the entries"),
                Arguments.of("[{\"name\": \"a\", " + EVENT + ", \"matches\": \"iam-principle-change\"}]",
                        "cases.json, case #1 \"a\": unknown entry id \"iam-principle-change\" in \"matches\";"
                                + " known ids: iam-policy-change, iam-role-change, iam-principal-change,"),
                Arguments.of("[{\"name\": \"a\", " + EVENT + ", \"matches\": [true]}]",
                        "cases.json, case #1 \"a\": \"matches\" holds true; expected entry ids"),
                Arguments.of("[{\"name\": \"a\", " + EVENT + ", \"match\": []}]",
                        "cases.json, case #1 \"a\": unknown field \"match\"; expected name, event or corpus,"),
                Arguments.of("[{\"name\": \"a\", \"matches\": []}]",
                        "cases.json, case #1 \"a\": needs exactly one of \"event\""),
                Arguments.of("[{\"name\": \"a\", " + EVENT + ", \"corpus\": \"x.json\", \"matches\": []}]",
                        "cases.json, case #1 \"a\": needs exactly one of \"event\""),
                Arguments.of("[{\"name\": \"a\", \"corpus\": \"cloudtrail/no-such-event.json\", \"matches\": []}]",
                        "cases.json, case #1 \"a\": no acceptance corpus file \"cloudtrail/no-such-event.json\""),
                Arguments.of("[{\"name\": \"a\", \"event\": {\"hello\": 1}, \"matches\": []}]",
                        "cases.json, case #1 \"a\": the event is not one EventBridge can carry: unknown event shape"),
                Arguments.of("[{\"name\": \"a\", " + EVENT + ", \"matches\": [], \"forwarded\": {\"us-east1\": true}}]",
                        "cases.json, case #1 \"a\": \"forwarded\" names \"us-east1\", which is not a region name"),
                Arguments.of("[{\"name\": \"a\", " + EVENT + ", \"matches\": [], \"forwarded\": {\"eu-west-1\": 1}}]",
                        "cases.json, case #1 \"a\": \"forwarded\".eu-west-1 must be true or false"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void aMalformedFileNamesTheCaseAndTheFault(String json, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(CaseFileException.class).hasMessageStartingWith(message);
    }

    @Test
    void aWellFormedFileReadsEveryForm() throws Exception {
        List<Case> cases = parse("""
                [{"name": "inline", "event": {"eventSource": "iam.amazonaws.com", "eventName": "CreateUser"},
                  "matches": "iam-principal-change", "forwarded": {"us-east-1": true}},
                 {"name": "corpus", "corpus": "cloudtrail/iam-CreateRole-IAMUser-awsdocs-1.json",
                  "matches": ["iam-role-change"]},
                 {"name": "nothing", "event": {"eventSource": "iam.amazonaws.com", "eventName": "ListUsers"},
                  "matches": []}]""");
        assertThat(cases).extracting(Case::name).containsExactly("inline", "corpus", "nothing");
        assertThat(cases.get(0).envelope().source()).as("a bare record is wrapped as EventBridge wraps it")
                .isEqualTo("aws.iam");
        assertThat(cases.get(0).forwarded()).containsEntry("us-east-1", true);
        assertThat(cases.get(1).source()).isEqualTo("corpus:cloudtrail/iam-CreateRole-IAMUser-awsdocs-1.json");
        assertThat(cases.get(1).matches()).containsExactly("iam-role-change");
        assertThat(cases.get(2).matches()).isEmpty();
        assertThat(cases.get(2).forwarded()).isEmpty();
    }
}
