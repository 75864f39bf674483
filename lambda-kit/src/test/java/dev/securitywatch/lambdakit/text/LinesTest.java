package dev.securitywatch.lambdakit.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinesTest {

    @ParameterizedTest
    @CsvSource(value = {"one line|one line", "first\\nsecond|first", "first\\r\\nsecond|first", "\\nrest|''",
            "NULL|''", "''|''"}, delimiter = '|', nullValues = "NULL")
    void keepsTheTextUpToTheFirstLineBreak(String text, String expected) {
        String input = text == null ? null : text.replace("\\n", "\n").replace("\\r", "\r");
        assertThat(Lines.firstLine(input)).isEqualTo(expected);
    }
}
