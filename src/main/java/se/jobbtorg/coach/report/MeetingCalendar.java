package se.jobbtorg.coach.report;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Uid;
import biweekly.util.Duration;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.files.AtomicFile;
import se.jobbtorg.coach.i18n.I18n;

/**
 * Planned meetings as an iCalendar file that Outlook and other calendars import. The calendar
 * leaves the program, so it says as little as it can: initials, the kind of meeting and where it
 * is; never a name, a personal identity number or notes, and not that it is Jobbtorg. Where: "the
 * office" for a desk meeting (not the unit's name), "phone", and for a visit the place the coach
 * typed for it (the coach needs the address to get there; the field says it goes to the calendar).
 */
public final class MeetingCalendar {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final int MINUTES = 45;

    /** A planned meeting and whom it is with. */
    public record Entry(Participant participant, Meeting meeting) {}

    private final I18n i18n;

    public MeetingCalendar(I18n i18n) {
        this.i18n = i18n;
    }

    public ICalendar calendar(List<Entry> entries) {
        ICalendar ical = new ICalendar();
        ical.setProductId("-//Jobbtorg Coach//SV");
        // Times are written in UTC (…Z): every calendar reads them, no time-zone block needed.
        for (Entry e : entries) {
            VEvent event = new VEvent();
            // The meeting's id keeps the event the same event when the file is imported again.
            event.setUid(new Uid(e.meeting().id() + "@jobbtorg-coach"));
            event.setSummary(i18n.get("calendar.summary", shortName(e.participant())));
            event.setDescription(i18n.of(e.meeting().kind()));
            location(e.meeting()).ifPresent(event::setLocation);
            event.setDateStart(Date.from(e.meeting().at().atZone(STOCKHOLM).toInstant()), true);
            event.setDuration(Duration.builder().minutes(MINUTES).build());
            ical.addEvent(event);
        }
        return ical;
    }

    /** Writes the whole file or nothing. */
    public void write(List<Entry> entries, Path out) throws IOException {
        AtomicFile.write(out, temp -> Biweekly.write(calendar(entries)).go(temp.toFile()));
    }

    /** Where the meeting is; a letter or a message has no place. */
    Optional<String> location(Meeting m) {
        return switch (m.kind()) {
            case DESK -> Optional.of(i18n.get("calendar.location.desk"));
            case PHONE -> Optional.of(i18n.of(MeetingKind.PHONE));
            case OUTREACH, HOME_VISIT -> Optional.of(m.place() != null ? m.place() : i18n.of(m.kind()));
            case MESSAGE -> Optional.empty();
        };
    }

    /**
     * "A.Y.": enough for the coach, with the time, to know who; little for a delegate or a
     * synced server to learn from.
     */
    static String shortName(Participant p) {
        return initial(p.firstName()) + initial(p.lastName());
    }

    private static String initial(String name) {
        String s = name == null ? "" : name.strip();
        return s.isEmpty() ? "" : new String(Character.toChars(s.codePointAt(0))) + ".";
    }
}
