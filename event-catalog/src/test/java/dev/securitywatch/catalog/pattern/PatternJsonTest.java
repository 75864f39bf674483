package dev.securitywatch.catalog.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatternJsonTest {
    /** What databind writes with sorted keys: the form the patterns had before the streaming writer. */
    private static final ObjectMapper DATABIND = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    @Test
    void everyCatalogPatternIsWrittenExactlyAsDatabindWouldWriteIt() throws Exception {
        for (CatalogEntry entry : Catalog.defaults().allEntries()) {
            assertThat(PatternJson.write(entry.toPattern())).as(entry.id())
                    .isEqualTo(DATABIND.writeValueAsString(entry.toPattern()));
        }
    }

    @Test
    void keysAreSortedAndEveryValueKindIsWritten() throws Exception {
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("z", List.of(Map.of("numeric", List.of(">", 0, "<=", 2.5))));
        pattern.put("a", List.of(Map.of("exists", false), "quote\" and \\ and é"));
        pattern.put("m", Arrays.asList(null, 7L, new BigDecimal("1.50")));

        String json = PatternJson.write(pattern);

        assertThat(json).isEqualTo(DATABIND.writeValueAsString(pattern))
                .startsWith("{\"a\":").contains("\"m\":[null,7,1.50]");
    }

    @Test
    void anythingElseIsRefusedByName() {
        assertThatThrownBy(() -> PatternJson.write(Map.of("when", Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.time.Instant");
    }
}
