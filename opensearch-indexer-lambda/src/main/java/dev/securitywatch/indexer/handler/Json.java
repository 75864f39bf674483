package dev.securitywatch.indexer.handler;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One mapper per container: it is thread-safe and costly to build. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
