package se.jobbtorg.coach.ui.workflow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityFollowUp;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.DeadlineReason;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.MappingEntry;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.i18n.I18n;

/**
 * An enrolment's story, newest first: what happened on which day, in the words entered, each
 * entry whole. Entries entered in error stay, struck through, with why. Built from what the
 * tabs show (the page), so it never says anything they do not.
 */
final class Timeline {
    /** What an entry is about: the filter's choices. */
    enum Kind {
        MEETING,
        PLAN,
        ACTIVITY,
        MAPPING,
        REASON,
        ENROLMENT
    }

    /**
     * One entry.
     *
     * @param time the time of day, for a meeting; null for the rest
     * @param text the words entered (notes, next steps, a reason), whole; empty when none
     * @param voided why the entry was entered in error; null when it counts
     */
    record Entry(LocalDate on, LocalTime time, Kind kind, String title, String text, String voided) {
        /** True when the words (any case) appear in its title or its text. */
        boolean mentions(String words) {
            String w = words.strip().toLowerCase(Locale.ROOT);
            return w.isEmpty()
                    || title.toLowerCase(Locale.ROOT).contains(w)
                    || text.toLowerCase(Locale.ROOT).contains(w);
        }
    }

    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::on)
            .thenComparing(e -> e.time() == null ? LocalTime.MIN : e.time())
            .reversed();

    private Timeline() {}

    /**
     * What was written at a meeting, whole: the place of a visit, the notes, the next steps, who
     * came, the duty explained and each activity's follow-up (one entered in error marked so).
     * The timeline and the meetings tab's detail show the same lines.
     */
    static List<String> meetingLines(WorkPage page, Meeting m, I18n i18n) {
        List<String> lines = new ArrayList<>();
        if (m.place() != null) {
            lines.add(i18n.get("timeline.meeting.place", m.place()));
        }
        add(lines, m.notes());
        if (m.nextSteps() != null && !m.nextSteps().isBlank()) {
            lines.add(i18n.get("timeline.meeting.next", m.nextSteps()));
        }
        if (m.attendees() != null && !m.attendees().isBlank()) {
            lines.add(i18n.get("timeline.meeting.attendees", m.attendees()));
        }
        if (m.dutyExplainedOn() != null) {
            lines.add(i18n.get("timeline.meeting.duty", i18n.date(m.dutyExplainedOn())));
        }
        for (ActivityFollowUp f : page.followUpHistoryOf(m.id())) {
            String activity =
                    page.activity(f.activityId()).map(a -> i18n.of(a.kind())).orElse("");
            String line = i18n.get("timeline.meeting.followUp", activity, f.note());
            lines.add(page.voidOf(f.id()).isPresent() ? i18n.get("timeline.voidedLine", line) : line);
        }
        return lines;
    }

    static List<Entry> of(WorkPage page, I18n i18n, LocalDate today) {
        List<Entry> entries = new ArrayList<>();
        Enrolment e = page.enrolment();
        entries.add(
                entry(e.enrolledOn(), Kind.ENROLMENT, i18n.get("timeline.enrolled", e.referringUnit()), null, null));
        for (MappingEntry m : page.mappingHistory()) {
            if (m.date() == null) {
                continue;
            }
            entries.add(entry(
                    m.date(),
                    Kind.MAPPING,
                    i18n.get("timeline.mapping", i18n.of(m.area()), i18n.of(m.status())),
                    m.text(),
                    voided(page, m.id(), i18n)));
        }
        for (ActivityPlan p : page.versions()) {
            String goal = p.goal() == null ? "" : i18n.get("timeline.plan.goal", i18n.of(p.goal()));
            entries.add(entry(
                    p.drawnUpOn(),
                    Kind.PLAN,
                    i18n.get("timeline.plan.drawnUp", p.version()),
                    join(goal, p.wishes()),
                    null));
            if (p.isApproved()) {
                entries.add(entry(
                        p.approvedOn(),
                        Kind.PLAN,
                        i18n.get("timeline.plan.approved", p.version(), p.approvedBy()),
                        null,
                        null));
            }
        }
        // A version copies the activities it keeps: each one's start and end are told once.
        Set<String> told = new HashSet<>();
        for (Activity a : page.activities()) {
            String name = i18n.of(a.kind())
                    + (a.provider() == null || a.provider().isBlank() ? "" : " (" + a.provider() + ")");
            if (!a.startOn().isAfter(today) && told.add("start " + name + a.startOn())) {
                entries.add(entry(
                        a.startOn(), Kind.ACTIVITY, i18n.get("timeline.activity.start", name), a.description(), null));
            }
            if (a.lastDay().isBefore(today) && told.add("end " + name + a.lastDay())) {
                entries.add(entry(a.lastDay(), Kind.ACTIVITY, i18n.get("timeline.activity.end", name), null, null));
            }
        }
        Set<UUID> shown = new HashSet<>();
        List<Meeting> meetings = new ArrayList<>(page.meetings());
        page.meetingHistory().stream()
                .filter(m -> page.voidOf(m.id()).isPresent())
                .forEach(meetings::add);
        for (Meeting m : meetings) {
            if (!shown.add(m.id())) {
                continue;
            }
            List<String> lines = meetingLines(page, m, i18n);
            entries.add(new Entry(
                    m.at().toLocalDate(),
                    m.at().toLocalTime(),
                    Kind.MEETING,
                    i18n.get("timeline.meeting", i18n.of(m.kind()), i18n.of(m.outcome())),
                    String.join("\n", lines),
                    voided(page, m.id(), i18n)));
            if (m.outcome() == MeetingOutcome.NOT_ATTENDED && m.reportedOn() != null) {
                entries.add(entry(
                        m.reportedOn(),
                        Kind.MEETING,
                        i18n.get("timeline.reported", i18n.date(m.at().toLocalDate())),
                        null,
                        voided(page, m.id(), i18n)));
            }
        }
        for (DeadlineReason r : page.reasons()) {
            entries.add(entry(
                    r.recordedOn(),
                    Kind.REASON,
                    i18n.get("timeline.reason", i18n.of(r.kind()), i18n.date(r.dueOn())),
                    r.reason(),
                    voided(page, r.id(), i18n)));
        }
        if (!e.isOpen()) {
            entries.add(entry(
                    e.exitedOn(),
                    Kind.ENROLMENT,
                    i18n.get("timeline.exit", i18n.of(e.exitReason())),
                    page.exitNote(),
                    null));
            if (page.exitCheck() != null) {
                entries.add(entry(
                        page.exitCheckedOn(),
                        Kind.ENROLMENT,
                        i18n.get("timeline.exitCheck", i18n.of(page.exitCheck())),
                        null,
                        null));
            }
        }
        for (EntryVoid undone : page.undone()) {
            entries.add(entry(
                    undone.undoneDate() == null ? undone.voidedOn() : undone.undoneDate(),
                    Kind.ENROLMENT,
                    i18n.get(
                            undone.kind() == EntryVoid.Kind.EXIT
                                    ? "timeline.exit.undone"
                                    : "timeline.exitCheck.undone"),
                    null,
                    i18n.get("timeline.voided", i18n.date(undone.voidedOn()), undone.reason())));
        }
        entries.sort(NEWEST_FIRST);
        return entries;
    }

    private static Entry entry(LocalDate on, Kind kind, String title, String text, String voided) {
        return new Entry(on, null, kind, title, text == null ? "" : text, voided);
    }

    private static String voided(WorkPage page, UUID id, I18n i18n) {
        return page.voidOf(id)
                .map(v -> i18n.get("timeline.voided", i18n.date(v.voidedOn()), v.reason()))
                .orElse(null);
    }

    private static String join(String a, String b) {
        List<String> lines = new ArrayList<>();
        add(lines, a);
        add(lines, b);
        return String.join("\n", lines);
    }

    private static void add(List<String> lines, String text) {
        if (text != null && !text.isBlank()) {
            lines.add(text.strip());
        }
    }
}
