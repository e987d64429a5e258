package se.jobbtorg.coach.store.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.domain.Text;

/**
 * A received change held to the rules the forms hold a coach to, by the domain's own checks
 * (src/docs/caseload-package.md, "What import verifies"): a package from another system, or
 * altered on the way, must not put into the database what no form would, since the caseload,
 * the summary and the reports read it back by those rules and fail for good on what breaks them.
 *
 * <p>"Today" for a change is the day of its stamp (and a day of slack for time zones): the day it
 * was made, as the form that made it saw it, so a change is judged the same on every laptop,
 * whenever it arrives.
 * Each refusal is {@code invalid_value} with the entity, the id, the column and the rule.
 */
final class ValueRules {
    private final ZoneId zone;

    ValueRules(ZoneId zone) {
        this.zone = zone;
    }

    /** Each value the change sets, alone: dates that exist, a person as the registration form checks them. */
    void values(Change c) {
        for (var v : c.values().entrySet()) {
            if (v.getValue() instanceof String text) {
                if (v.getKey().endsWith("_on")) {
                    date(c, v.getKey(), text);
                } else if (Text.hasStrayControl(text)) {
                    throw refused(c, v.getKey(), "control_character");
                }
            }
        }
        if (c.entity().equals("coach") && Text.hasControlCharacter(string(c.values(), "name"))) {
            throw refused(c, "name", "control_character");
        }
        if (c.entity().equals("participant")) {
            participant(c);
        }
    }

    /**
     * An enrolment as it stands once the change is applied (its shown values): what the enrolment
     * and exit forms check together, such as an exit date with its reason, after the enrolment.
     */
    void enrolment(Change c, Map<String, Object> row) {
        LocalDate today = today(c);
        LocalDate enrolled = LocalDate.parse(string(row, "enrolled_on"));
        UUID id = UUID.fromString(c.recordId());
        EnrolmentDraft draft = new EnrolmentDraft(
                id,
                null,
                enrolled,
                string(row, "referring_unit"),
                string(row, "social_secretary"),
                TargetGroup.fromCodes(string(row, "target_groups")),
                string(row, "language"),
                row.get("interpreter_needed") instanceof Number n && n.longValue() == 1);
        // Changes of an enrolment made after the day it began: its date was checked on that day.
        LocalDate enrolledCheckedOn = c.values().containsKey("enrolled_on") ? today : LocalDate.MAX;
        firstOf(c, draft.problems(enrolledCheckedOn, List.of()), ENROLMENT_FIELDS);
        String exited = string(row, "exited_on");
        String reason = string(row, "exit_reason");
        if (exited == null && reason == null) {
            return;
        }
        Enrolment open = new Enrolment(
                id, id, null, enrolled, draft.referringUnit(), null, draft.targetGroups(), null, false, null, null);
        ExitDraft exit = new ExitDraft(
                id,
                exited == null ? null : LocalDate.parse(exited),
                reason == null ? null : ExitReason.ofCode(reason),
                string(row, "exit_note"));
        boolean exitChanged = c.values().containsKey("exited_on");
        firstOf(c, exit.problems(open, exitChanged ? today : LocalDate.MAX), EXIT_FIELDS);
    }

    private static final Map<String, String> PARTICIPANT_FIELDS = Map.of(
            ParticipantDraft.FIELD_NUMBER, "personal_number",
            ParticipantDraft.FIELD_FIRST_NAME, "first_name",
            ParticipantDraft.FIELD_LAST_NAME, "last_name",
            ParticipantDraft.FIELD_PHONE, "phone",
            ParticipantDraft.FIELD_EMAIL, "email");
    private static final Map<String, String> ENROLMENT_FIELDS = Map.of(
            EnrolmentDraft.FIELD_DATE, "enrolled_on",
            EnrolmentDraft.FIELD_UNIT, "referring_unit",
            EnrolmentDraft.FIELD_TARGET_GROUPS, "target_groups",
            EnrolmentDraft.FIELD_LANGUAGE, "language");
    private static final Map<String, String> EXIT_FIELDS = Map.of(
            ExitDraft.FIELD_DATE, "exited_on",
            ExitDraft.FIELD_REASON, "exit_reason",
            ExitDraft.FIELD_NOTE, "exit_note");

    private void participant(Change c) {
        Map<String, Object> v = c.values();
        ParticipantDraft draft = new ParticipantDraft(
                string(v, "personal_number"),
                string(v, "first_name"),
                string(v, "last_name"),
                string(v, "phone"),
                string(v, "email"),
                string(v, "home_district"));
        // Only the fields this change sets: an update of the phone says nothing of the name.
        List<Problem> set = draft.problems(today(c)).stream()
                .filter(p -> v.containsKey(PARTICIPANT_FIELDS.get(p.field())))
                .toList();
        firstOf(c, set, PARTICIPANT_FIELDS);
    }

    private void date(Change c, String column, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw refused(c, column, "no_such_date");
        }
        if (date.getYear() < 1900) {
            // The forms take four-digit years of people alive and of this program's time.
            throw refused(c, column, "no_such_date");
        }
    }

    private static void firstOf(Change c, List<Problem> problems, Map<String, String> columns) {
        for (Problem p : problems) {
            String column = columns.get(p.field());
            if (column != null) {
                throw refused(c, column, rule(p.messageKey()));
            }
        }
    }

    /** The domain's message key as a rule's code: "exit.problem.unknownNeedsNote" → "unknown_needs_note". */
    static String rule(String messageKey) {
        String last = messageKey.substring(messageKey.lastIndexOf('.') + 1);
        return last.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The latest day the change's "today" can have been: its stamp's day here, and a day more,
     * since the laptop that made it may keep another time zone (a central server on UTC reads a
     * Stockholm enrolment made just after midnight as made the day before).
     */
    private LocalDate today(Change c) {
        return Instant.ofEpochMilli(Long.parseLong(c.stamp().substring(0, 13)))
                .atZone(zone)
                .toLocalDate()
                .plusDays(1);
    }

    private static String string(Map<String, Object> values, String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    static ChangeRefusedException refused(Change c, String column, String rule) {
        return new ChangeRefusedException(ChangeRefusal.INVALID_VALUE, c.entity(), c.recordId(), column, rule);
    }
}
