package dev.securitywatch.chat.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class ChatHttpTest {

    @Test
    void http11WithoutRedirectsAndABoundedConnect() {
        HttpClient client = ChatHttp.client();

        assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
        assertThat(client.connectTimeout()).contains(ChatHttp.CONNECT_TIMEOUT);
    }

    /** The one setting that would let the JDK re-send a POST by itself. */
    @Test
    void refusesToBuildWhenAllMethodRetryIsEnabled() {
        String before = System.getProperty(ChatHttp.ALL_METHOD_RETRY);
        try {
            for (String enabled : new String[] {"true", "", "TRUE"}) {
                System.setProperty(ChatHttp.ALL_METHOD_RETRY, enabled);
                assertThatThrownBy(ChatHttp::client).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(ChatHttp.ALL_METHOD_RETRY);
            }
            System.setProperty(ChatHttp.ALL_METHOD_RETRY, "false");
            assertThat(ChatHttp.client()).isNotNull();
        } finally {
            if (before == null) {
                System.clearProperty(ChatHttp.ALL_METHOD_RETRY);
            } else {
                System.setProperty(ChatHttp.ALL_METHOD_RETRY, before);
            }
        }
    }
}
