package se.jobbtorg.coach.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry.About;
import se.jobbtorg.coach.service.TodayService.PlannedMeeting;

/**
 * The coach's calendar for Outlook or another calendar program: the meetings still planned, from
 * today on, in a file that ends in .ics (a calendar program opens nothing else), written whole or
 * not at all. Which meetings and which file are decided here; how an event reads is the format's.
 */
public final class CalendarExport {
    static final String EXTENSION = ".ics";

    /** Writes the meetings to the file, whole or not at all (report.MeetingCalendar writes iCalendar). */
    @FunctionalInterface
    public interface Format {
        void write(List<PlannedMeeting> meetings, Path file) throws IOException;
    }

    /** What was written, and where. */
    public record Exported(int meetings, Path file) {}

    private final TodayService today;
    private final AuditService audit;

    public CalendarExport(TodayService today, AuditService audit) {
        this.today = today;
        this.audit = audit;
    }

    /** Writes the coach's planned meetings to the file chosen (given .ics if it has no such ending). */
    public Exported export(UUID coachId, Path chosen, Format format) throws IOException {
        Path file = calendarFile(chosen);
        List<PlannedMeeting> meetings = today.plannedMeetings(coachId);
        format.write(meetings, file);
        audit.reportMade(AuditAction.Report.CALENDAR, About.NOTHING);
        return new Exported(meetings.size(), file);
    }

    /** The file a calendar program opens: the name chosen, with .ics added when it ends otherwise. */
    static Path calendarFile(Path chosen) {
        String name = chosen.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(EXTENSION) ? chosen : chosen.resolveSibling(name + EXTENSION);
    }
}
