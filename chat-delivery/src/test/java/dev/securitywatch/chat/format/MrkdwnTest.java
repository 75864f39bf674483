package dev.securitywatch.chat.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MrkdwnTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "<!channel> hi => &lt;!channel&gt; hi",
            "<!here> => &lt;!here&gt;",
            "<@U0123> => &lt;@U0123&gt;",
            "<https://evil.example|aws.amazon.com> => &lt;https://evil.example|aws.amazon.com&gt;",
            "a & b => a &amp; b",
            "&lt; already => &amp;lt; already",
            "ping @here and @Channel => ping @\u2060here and @\u2060Channel",
            "mail me@heretic.example => mail me@heretic.example",
            "plain => plain"})
    void escapesEverythingSlackWouldReadAsSyntax(String input, String expected) {
        assertThat(Mrkdwn.escape(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a`b|`a\u02CBb`", "<x>|`&lt;x&gt;`"})
    void inlineCodeCannotBeClosedByTheEvent(String input, String expected) {
        assertThat(Mrkdwn.code(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "https://console.aws.amazon.com/a?b=1&c=2#view <x>#<https://console.aws.amazon.com/a?b=1&amp;c=2|view &lt;x&gt;>",
            "https://x.example/a|b>c#l|m#<https://x.example/a%7Cb%3Ec|l¦m>"})
    void linksCannotBeBrokenOutOf(String urlAndLabel, String label, String expected) {
        String url = urlAndLabel.contains(" ") ? urlAndLabel.substring(0, urlAndLabel.indexOf(' ')) : urlAndLabel;
        String text = urlAndLabel.contains(" ") ? urlAndLabel.substring(urlAndLabel.indexOf(' ') + 1) : label;
        assertThat(Mrkdwn.link(url, text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"```rm```|```ˋˋˋrmˋˋˋ```"})
    void codeBlocksCannotBeClosedByTheEvent(String input, String expected) {
        assertThat(Mrkdwn.codeBlock(input)).isEqualTo(expected.replace('ˋ', '\u02CB'));
    }

    @org.junit.jupiter.api.Test
    void inlineTextCannotStartALineThatPosesAsTheMessagesLayout() {
        assertThat(Mrkdwn.inline("alice\n*Actor*\nSecurity team (verified)"))
                .isEqualTo("alice ⏎ *Actor* ⏎ Security team (verified)");
        assertThat(Mrkdwn.inline("a\r\nb\rc\u2028d\u2029e\u0085f <!here>"))
                .isEqualTo("a ⏎ b ⏎ c ⏎ d ⏎ e ⏎ f &lt;!here&gt;");
        assertThat(Mrkdwn.inline(null)).isEmpty();
    }
}
