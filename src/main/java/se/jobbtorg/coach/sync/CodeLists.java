package se.jobbtorg.coach.sync;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.Actor;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.Coded;
import se.jobbtorg.coach.domain.DeadlineKind;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.domain.TargetGroup;

/**
 * The code lists a package's values are drawn from, each with the version this program knows.
 * A list gets a new version when a code is removed or changes meaning; a package made with a
 * newer version than ours is refused, since we could misread its codes.
 */
public final class CodeLists {
    /** The lists, by the name the manifest uses, with the column(s) they constrain. */
    public record CodeList(
            String name,
            int version,
            Class<? extends Enum<?>> codes,
            boolean commaSeparated,
            String entity,
            String column) {}

    public static final Map<String, CodeList> ALL = new LinkedHashMap<>();

    static {
        add(new CodeList("exit_reason", 1, ExitReason.class, false, "enrolment", "exit_reason"));
        add(new CodeList("exit_check", 1, ExitCheck.class, false, "enrolment", "exit_check"));
        add(new CodeList("target_group", 1, TargetGroup.class, true, "enrolment", "target_groups"));
        add(new CodeList("activity_kind", 1, ActivityKind.class, false, "activity", "kind"));
        add(new CodeList("plan_goal", 1, PlanGoal.class, false, "activity_plan", "goal"));
        add(new CodeList("mapping_area", 1, MappingArea.class, false, "mapping_entry", "area"));
        add(new CodeList("mapping_status", 1, MappingStatus.class, false, "mapping_entry", "status"));
        add(new CodeList("actor", 1, Actor.class, true, "mapping_entry", "actors"));
        add(new CodeList("meeting_kind", 1, MeetingKind.class, false, "meeting", "kind"));
        add(new CodeList("meeting_outcome", 1, MeetingOutcome.class, false, "meeting", "outcome"));
        add(new CodeList("deadline_kind", 1, DeadlineKind.class, false, "deadline_reason", "kind"));
        add(new CodeList("audit_action", 1, AuditAction.class, false, "audit_entry", "action"));
    }

    private static void add(CodeList list) {
        ALL.put(list.name(), list);
    }

    private CodeLists() {}

    /** The versions, as a manifest states them. */
    public static Map<String, Integer> versions() {
        Map<String, Integer> versions = new LinkedHashMap<>();
        ALL.values().forEach(l -> versions.put(l.name(), l.version()));
        return versions;
    }

    /** The codes of a list, in catalogue order; constants never stored are not codes of it. */
    public static List<String> codes(CodeList list) {
        return Arrays.stream(list.codes().getEnumConstants())
                .map(c -> (Coded) c)
                .filter(Coded::stored)
                .map(Coded::code)
                .toList();
    }
}
