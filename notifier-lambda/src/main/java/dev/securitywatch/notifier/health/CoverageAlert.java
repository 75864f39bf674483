package dev.securitywatch.notifier.health;

import dev.securitywatch.catalog.Category;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.event.EventTimes;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.alert.Alert.Field;
import dev.securitywatch.notifier.alert.Alert.Section;
import dev.securitywatch.notifier.render.RenderSettings;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daily coverage message: the configured account and region paths Security Watch does not hear from (never, or
 * not lately), and the security account when it is not a member. Unlike the heartbeat check, which reports a change
 * once, it repeats every day while a gap lasts, and it is the only report of a path that never sent a heartbeat.
 */
public final class CoverageAlert {
    private final RenderSettings settings;

    public CoverageAlert(RenderSettings settings) {
        this.settings = settings;
    }

    public Alert of(Coverage coverage, int configuredPaths) {
        List<Coverage.Silent> never = coverage.silent().stream().filter(s -> s.lastHeartbeat().isEmpty()).toList();
        List<Coverage.Silent> silent = coverage.silent().stream().filter(s -> s.lastHeartbeat().isPresent()).toList();
        boolean securityUnwatched = !coverage.securityAccount().member();
        List<Field> fields = List.of(
                Field.of("Configured paths", Integer.toString(configuredPaths)),
                Field.of("Never heard from", Integer.toString(never.size())),
                Field.of("Silent", Integer.toString(silent.size())),
                Field.of("Security account watched", securityUnwatched ? "no" : "yes"));
        List<Section> sections = new ArrayList<>();
        if (!never.isEmpty()) {
            sections.add(new Section("Never sent a heartbeat", lines(never), true));
        }
        if (!silent.isEmpty()) {
            sections.add(new Section("Silent", lines(silent), true));
        }
        if (securityUnwatched) {
            sections.add(new Section("Security account", List.of(settings.accounts().describe(
                    coverage.securityAccount().id()) + " is not a member account: changes there are not watched."
                    + " Add it to memberAccounts."), false));
        }
        sections.add(new Section("First thing to check", List.of("A path never heard from: is its member stack"
                + " deployed (cdk deploy SecurityWatch-Member-<account>-<region>), and does its canary schedule run?"
                + " A silent path: see the heartbeat alert's checks. The whole map, with the organization's accounts"
                + " and enabled regions: java -jar notifier-lambda.jar coverage."), false));
        int gaps = coverage.silent().size() + (securityUnwatched ? 1 : 0);
        String headline = "Coverage: " + gaps + (gaps == 1 ? " gap" : " gaps") + " in what Security Watch hears from";
        String day = coverage.checkedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return new Alert("coverage:" + day, Alert.Kind.HEALTH, coverage.silent().isEmpty() ? Severity.MEDIUM
                : Severity.HIGH, Alert.Tone.DENIED, headline, "Security Watch coverage",
                Optional.of(Category.HEALTH.id()), null, null, List.of(), false, fields, sections, List.of(),
                List.of("Posted every day while a gap lasts."),
                new Alert.Subject("CoverageCheck", Optional.empty(), List.of("coverage:daily"),
                        Optional.of(coverage.checkedAt())));
    }

    private List<String> lines(List<Coverage.Silent> paths) {
        return PathLines.capped(paths, path -> PathLines.describe(settings, path.account(), path.region())
                + path.lastHeartbeat().map(at -> " · last heartbeat " + EventTimes.display(at.toString())).orElse(""));
    }
}
