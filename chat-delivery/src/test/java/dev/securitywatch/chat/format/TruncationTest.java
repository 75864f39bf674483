package dev.securitywatch.chat.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TruncationTest {

    @Test
    void shortTextIsUntouched() {
        assertThat(Truncation.cut("abc", 3)).isEqualTo("abc");
        assertThat(Truncation.cut(null, 3)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 100, 150, 2_000, 3_000})
    void longTextIsCutWithAVisibleCountWithinTheLimit(int limit) {
        String text = "x".repeat(5_000);

        String cut = Truncation.cut(text, limit);

        assertThat(cut).hasSizeLessThanOrEqualTo(limit);
        int kept = cut.indexOf('…');
        assertThat(cut).endsWith(Truncation.marker(5_000 - kept));
    }

    @Test
    void neverSplitsAnEntityOrASurrogatePair() {
        String escaped = "a".repeat(60) + "&amp;" + "b".repeat(100);
        String cut = Truncation.cut(escaped, 62 + Truncation.marker(103).length());
        assertThat(cut).startsWith("a".repeat(60) + "…");

        String emoji = "a".repeat(9) + "\uD83D\uDE00" + "b".repeat(100);
        assertThat(Truncation.safePrefix(emoji, 10)).isEqualTo("a".repeat(9));
    }

    @Test
    void tinyLimitsGetABareEllipsis() {
        assertThat(Truncation.cut("abcdefgh", 4)).isEqualTo("abc…");
        assertThat(Truncation.cut("abcdefgh", 0)).isEmpty();
    }

    @Test
    void budgetCutsToWhatIsLeft() {
        TextBudget budget = new TextBudget(100);
        assertThat(budget.fit("x".repeat(80), 3_000)).hasSize(80);
        String second = budget.fit("y".repeat(80), 3_000);
        assertThat(second).hasSizeLessThanOrEqualTo(20).startsWith("y");
        assertThat(budget.remaining()).isGreaterThanOrEqualTo(0);
        assertThat(budget.has(1)).isEqualTo(budget.remaining() >= 1);
    }
}
