package dev.securitywatch.chat.secret;

import java.util.Objects;

/** The optional Chatwork sink: an API token and the room that receives a copy of every message. */
public record ChatworkRoom(String token, String roomId) {
    public ChatworkRoom {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(roomId, "roomId");
    }

    @Override
    public String toString() {
        return "ChatworkRoom[token=<redacted>, roomId=" + roomId + "]";
    }
}
