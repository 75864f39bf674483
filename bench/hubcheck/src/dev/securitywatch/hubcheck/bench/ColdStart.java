package dev.securitywatch.hubcheck.bench;

import dev.securitywatch.hubcheck.handler.HubMemberCheckHandler;

/**
 * What a cold start costs before the first request, in a fresh JVM: building the handler (environment, SDK clients
 * for every region, Slack sender) and the SnapStart priming run. Needs the environment the infra sets (the script
 * provides a fake one); it makes no network call.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        HubMemberCheckHandler handler = new HubMemberCheckHandler();
        long built = System.nanoTime();
        handler.beforeCheckpoint(null);
        long primed = System.nanoTime();
        System.out.printf("handler construction: %d ms%npriming run:          %d ms%n",
                (built - start) / 1_000_000, (primed - built) / 1_000_000);
    }
}
