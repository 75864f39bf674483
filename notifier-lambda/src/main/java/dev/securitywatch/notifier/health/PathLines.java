package dev.securitywatch.notifier.health;

import dev.securitywatch.notifier.render.RenderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** How health messages name a path and list many: the account's name, the region or the global path, at most 40. */
final class PathLines {
    /** Paths listed one per line; a region-wide outage beyond this is summarised by the count. */
    static final int LISTED = 40;

    private PathLines() {
    }

    /** "prod (111111111111) ap-northeast-1", "prod (111111111111) global services (IAM, via us-east-1)". */
    static String describe(RenderSettings settings, String account, String region) {
        return settings.accounts().describe(account) + " "
                + (region.equals(Heartbeat.GLOBAL) ? "global services (IAM, via us-east-1)" : region);
    }

    /** One line per item up to {@link #LISTED}, then how many more. */
    static <T> List<String> capped(List<T> items, Function<T, String> line) {
        List<String> lines = new ArrayList<>();
        items.subList(0, Math.min(LISTED, items.size())).forEach(item -> lines.add(line.apply(item)));
        if (items.size() > LISTED) {
            lines.add("… and " + (items.size() - LISTED) + " more");
        }
        return lines;
    }
}
