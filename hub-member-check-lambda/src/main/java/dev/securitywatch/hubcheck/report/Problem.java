package dev.securitywatch.hubcheck.report;

/**
 * Something the run could not do, reported in Slack instead of failing silently.
 *
 * @param subject what failed, e.g. {@code Security Hub us-west-2}, {@code Organizations}, {@code snapshot write}
 * @param detail  a one-line cause without secrets (an AWS error code and message)
 */
public record Problem(String subject, String detail) {
}
