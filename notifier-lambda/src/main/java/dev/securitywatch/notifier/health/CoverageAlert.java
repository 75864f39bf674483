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
 * The daily coverage message: the expected account and region paths Security Watch does not hear from (never, or
 * not lately), the organization's accounts and enabled regions nobody watches, the StackSet's instances that failed
 * or fell behind, and the security account when it is not a member. Unlike the heartbeat check, which reports a
 * change once, it repeats every day while a gap lasts, and it is the only report of a path that never sent a
 * heartbeat.
 */
public final class CoverageAlert {
    private final RenderSettings settings;

    public CoverageAlert(RenderSettings settings) {
        this.settings = settings;
    }

    public Alert of(Coverage coverage) {
        List<Coverage.Silent> never = coverage.silent().stream().filter(s -> s.lastHeartbeat().isEmpty()).toList();
        List<Coverage.Silent> silent = coverage.silent().stream().filter(s -> s.lastHeartbeat().isPresent()).toList();
        boolean securityUnwatched = !coverage.securityAccount().member();
        List<Field> fields = new ArrayList<>(List.of(
                Field.of("Expected paths", Integer.toString(coverage.expectedPaths())),
                Field.of("Never heard from", Integer.toString(never.size())),
                Field.of("Silent", Integer.toString(silent.size())),
                Field.of("Security account watched", securityUnwatched ? "no" : "yes")));
        coverage.organization().ifPresent(organization -> {
            fields.add(Field.of("Accounts not enrolled", Integer.toString(coverage.notEnrolled().size())));
            fields.add(Field.of("Enabled regions unwatched", Integer.toString(coverage.unwatchedRegions().size())));
        });
        coverage.stackSet().ifPresent(stackSet -> {
            fields.add(Field.of("StackSet instances", stackSet.instances().map(String::valueOf).orElse("not read")));
            fields.add(Field.of("Instances failed or outdated", Integer.toString(stackSet.problems().size())));
        });
        List<Section> sections = new ArrayList<>();
        if (!never.isEmpty()) {
            sections.add(new Section("Never sent a heartbeat", lines(never), true));
        }
        if (!silent.isEmpty()) {
            sections.add(new Section("Silent", lines(silent), true));
        }
        if (!coverage.unwatchedRegions().isEmpty()) {
            sections.add(new Section("Enabled regions with no member stack (attackers use regions nobody watches)",
                    PathLines.capped(coverage.unwatchedRegions(), path -> PathLines.describe(settings,
                            path.account(), path.region())), true));
        }
        if (!coverage.notEnrolled().isEmpty()) {
            sections.add(new Section("Accounts of the organization not enrolled", PathLines.capped(
                    coverage.notEnrolled(), account -> settings.accounts().describe(account.id(), account.name())),
                    true));
        }
        coverage.stackSet().ifPresent(stackSet -> stackSetSections(stackSet, sections));
        if (!coverage.notEnabled().isEmpty()) {
            sections.add(new Section("Configured regions the account has not enabled", PathLines.capped(
                    coverage.notEnabled(), path -> PathLines.describe(settings, path.account(), path.region())
                            + ": no member stack can run there; enable the region or remove it from memberAccounts"),
                    true));
        }
        if (securityUnwatched) {
            sections.add(new Section("Security account", List.of(settings.accounts().describe(
                    coverage.securityAccount().id()) + " is not a member account: changes there are not watched."
                    + " Add it to memberAccounts."), false));
        }
        coverage.organization().filter(Coverage.Organization::stale).ifPresent(organization -> sections.add(
                new Section("Organization inventory", List.of("Last read " + EventTimes.display(
                        organization.readAt().toString()) + ": the membership watch has not read the organization"
                        + " since. Check its schedule, its dead-letter queue and its log."), false)));
        if (!coverage.limits().isEmpty()) {
            sections.add(new Section("Not checked", coverage.limits(), false));
        }
        sections.add(new Section("First thing to check", List.of(coverage.stackSet().isPresent()
                ? "A path never heard from: does the StackSet have a current instance there (aws cloudformation"
                        + " list-stack-instances --stack-set-name " + coverage.stackSet().get().target().name()
                        + "), and does its canary schedule run? A failed or outdated instance: its status reason"
                        + " says why; fix it and update the StackSet again. An account not enrolled: move it into"
                        + " one of deployment.organizationalUnits, or deploy a member stack (the management account"
                        + " needs one). A region not watched: add it to deployment.regions. The whole map is the"
                        + " day's report in the membership watch's bucket (coverage/latest.json)."
                : "A path never heard from: is its member stack deployed (cdk deploy"
                        + " SecurityWatch-Member-<account>-<region>), and does its canary schedule run? A silent"
                        + " path: see the heartbeat alert's checks. An account or region not watched: add it to"
                        + " memberAccounts and deploy its member stacks. The whole map is the day's report in the"
                        + " membership watch's bucket (coverage/latest.json)."), false));
        int gaps = coverage.gaps();
        boolean exposed = !coverage.silent().isEmpty() || !coverage.unwatchedRegions().isEmpty()
                || !coverage.notEnrolled().isEmpty();
        String headline = "Coverage: " + gaps + (gaps == 1 ? " gap" : " gaps") + " in what Security Watch hears from";
        String day = coverage.checkedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return new Alert("coverage:" + day, Alert.Kind.HEALTH, exposed ? Severity.HIGH : Severity.MEDIUM,
                Alert.Tone.DENIED, headline, "Security Watch coverage",
                Optional.of(Category.HEALTH.id()), null, null, List.of(), false, fields, sections, List.of(),
                List.of("Posted every day while a gap lasts."),
                new Alert.Subject("CoverageCheck", Optional.empty(), List.of("coverage:daily"),
                        Optional.of(coverage.checkedAt())));
    }

    private void stackSetSections(Coverage.StackSet stackSet, List<Section> sections) {
        if (!stackSet.problems().isEmpty()) {
            sections.add(new Section("StackSet instances failed, outdated or drifted", PathLines.capped(
                    stackSet.problems(), instance -> PathLines.describe(settings, instance.account(),
                            instance.region()) + ": " + instance.problem()), true));
        }
        if (!stackSet.notYetProven().isEmpty() || !stackSet.proven().isEmpty()) {
            List<String> lines = new ArrayList<>(List.of(stackSet.proven().size() + " of "
                    + (stackSet.proven().size() + stackSet.notYetProven().size()) + " paths a member stack still"
                    + " covers are proven by the StackSet's own heartbeats; destroy a member stack only when all of"
                    + " its paths are. Not yet proven:"));
            lines.addAll(PathLines.capped(stackSet.notYetProven(), path -> PathLines.describe(settings,
                    path.account(), path.region())));
            sections.add(new Section("Migration to the StackSet", lines, true));
        }
        if (!stackSet.regionNotEnabled().isEmpty()) {
            int count = stackSet.regionNotEnabled().size();
            sections.add(new Section("Not gaps", List.of(count + (count == 1
                    ? " StackSet instance is in a region its account has not enabled"
                    : " StackSet instances are in regions their account has not enabled")
                    + ": nothing runs there until the region is enabled."), false));
        }
    }

    private List<String> lines(List<Coverage.Silent> paths) {
        return PathLines.capped(paths, path -> PathLines.describe(settings, path.account(), path.region())
                + path.lastHeartbeat().map(at -> " · last heartbeat " + EventTimes.display(at.toString())).orElse(""));
    }
}
