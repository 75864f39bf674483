package dev.securitywatch.infra.common;

import dev.securitywatch.catalog.HealthEntries;
import dev.securitywatch.catalog.MemberNames;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Every alarm reaches a person, now and later: applied last to each stack, it wires every alarm the stack holds, and
 * the stack's synth fails for an alarm that would reach no one.
 * <ul>
 *   <li>Central: each alarm notifies the health topic when it fires and when it recovers.</li>
 *   <li>Member: a member region has no health topic; each alarm is named {@value HealthEntries#MEMBER_ALARM_PREFIX}...
 *   so the catalog's health entry forwards its state changes to the security account like any event.</li>
 * </ul>
 */
public final class HealthAlarms {
    private HealthAlarms() {
    }

    /** Central: every alarm of {@code stack} notifies {@code health} on ALARM and on OK. */
    public static void notify(Stack stack, ITopic health) {
        SnsAction action = new SnsAction(health);
        for (Alarm alarm : alarms(stack)) {
            alarm.addAlarmAction(action);
            alarm.addOkAction(action);
        }
        stack.getNode().addValidation(() -> cfnAlarms(stack).stream()
                .filter(alarm -> !hasActions(stack, alarm.getAlarmActions())
                        || !hasActions(stack, alarm.getOkActions()))
                .map(alarm -> "Alarm " + alarm.getNode().getPath() + " reaches no one: every central alarm needs"
                        + " the health topic as its alarm and OK action (HealthAlarms.notify)")
                .toList());
    }

    /** Member: every alarm of {@code stack} is named so the health entry forwards its state changes. */
    public static void forwardFromMember(Stack stack, MemberNames names) {
        for (Alarm alarm : alarms(stack)) {
            ((CfnAlarm) alarm.getNode().getDefaultChild()).setAlarmName(memberAlarmName(stack, alarm, names));
        }
        stack.getNode().addValidation(() -> cfnAlarms(stack).stream()
                .filter(alarm -> alarm.getAlarmName() == null
                        || !alarm.getAlarmName().startsWith(HealthEntries.MEMBER_ALARM_PREFIX))
                .map(alarm -> "Alarm " + alarm.getNode().getPath() + " reaches no one: a member alarm must be named "
                        + HealthAlarms.class.getSimpleName() + "-style (" + HealthEntries.MEMBER_ALARM_PREFIX
                        + "...) so its state changes are forwarded")
                .toList());
    }

    /**
     * "SecurityWatch-Member-" (the StackSet's: "SecurityWatch-Member-Org-") and the alarm's path in the stack: unique
     * in the account and region, also while both kinds of member stand there.
     */
    static String memberAlarmName(Stack stack, Alarm alarm, MemberNames names) {
        String path = alarm.getNode().getPath().substring(stack.getNode().getPath().length() + 1);
        return names.alarmPrefix() + path.replace('/', '-');
    }

    private static List<Alarm> alarms(Stack stack) {
        return stack.getNode().findAll().stream().filter(Alarm.class::isInstance).map(Alarm.class::cast).toList();
    }

    private static List<CfnAlarm> cfnAlarms(Stack stack) {
        return stack.getNode().findAll().stream().filter(CfnAlarm.class::isInstance).map(CfnAlarm.class::cast)
                .collect(Collectors.toList());
    }

    /** The L2 alarm's actions are a lazy list that resolves to nothing when empty. */
    private static boolean hasActions(Stack stack, List<String> actions) {
        return actions != null && stack.resolve(actions) instanceof List<?> resolved && !resolved.isEmpty();
    }
}
