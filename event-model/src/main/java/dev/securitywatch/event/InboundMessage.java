package dev.securitywatch.event;

/** What one delivered message turned out to be: an event envelope, or something that is not one. */
public sealed interface InboundMessage permits EventEnvelope, UnreadableMessage {
}
