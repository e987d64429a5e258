package se.jobbtorg.coach.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.i18n.I18n;

/** Planned meetings as iCalendar, parsed back as a calendar program would. */
class MeetingCalendarTest {
    @TempDir
    Path dir;

    @Test
    void eachMeetingIsAnEventAtStockholmTimeWithoutPersonalNumbersOrNotes() throws Exception {
        var number = PersonalIdentityNumber.of(LocalDate.of(1990, 9, 17), 388, false);
        var amina = new Participant(UUID.randomUUID(), number, "Amina", "Yilmaz", "070-1234567", null, null);
        var desk = new Meeting(
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                LocalDateTime.of(2026, 12, 3, 9, 30),
                MeetingKind.DESK,
                null,
                MeetingOutcome.PLANNED,
                null,
                false,
                "HEMLIG ANTECKNING",
                null,
                null,
                null);
        var visit = new Meeting(
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                LocalDateTime.of(2027, 3, 29, 14, 0),
                MeetingKind.HOME_VISIT,
                "Påhittade gränd 4, lgh 1102",
                MeetingOutcome.PLANNED,
                null,
                true,
                null,
                null,
                null,
                null);
        Path out = dir.resolve("moten.ics");
        new MeetingCalendar(new I18n(Locale.forLanguageTag("sv-SE")))
                .write(List.of(new MeetingCalendar.Entry(amina, desk), new MeetingCalendar.Entry(amina, visit)), out);

        String text = Files.readString(out, StandardCharsets.UTF_8);
        ICalendar ical = Biweekly.parse(text).first();
        assertEquals(2, ical.getEvents().size());
        var first = ical.getEvents().get(0);
        assertEquals("Möte A.Y.", first.getSummary().getValue());
        assertEquals("Besök på kontoret", first.getDescription().getValue());
        assertEquals(desk.id() + "@jobbtorg-coach", first.getUid().getValue());
        assertEquals(
                LocalDateTime.of(2026, 12, 3, 9, 30)
                        .atZone(ZoneId.of("Europe/Stockholm"))
                        .toInstant(),
                first.getDateStart().getValue().toInstant(),
                "winter time");
        assertEquals(
                LocalDateTime.of(2027, 3, 29, 14, 0)
                        .atZone(ZoneId.of("Europe/Stockholm"))
                        .toInstant(),
                ical.getEvents().get(1).getDateStart().getValue().toInstant(),
                "summer time");
        assertFalse(text.contains(number.normalised().substring(2, 8)), "no personal identity number");
        assertFalse(
                text.contains("Amina")
                        || text.contains("Yilmaz")
                        || text.contains("HEMLIG")
                        || text.contains("070-")
                        || text.contains("Jobbtorg:"),
                "no name, notes, phone number, nor that it is Jobbtorg");

        assertEquals(
                "Kontoret", first.getLocation().getValue(), "a desk meeting is at the office, not at a named unit");
        assertEquals(
                "Påhittade gränd 4, lgh 1102",
                ical.getEvents().get(1).getLocation().getValue(),
                "a visit is where the coach said it is");
    }

    @Test
    void aVisitWithoutAPlaceSaysWhatKindAndAPhoneCallSaysPhoneAndAMessageHasNoPlace() {
        var calendar = new MeetingCalendar(new I18n(Locale.forLanguageTag("sv-SE")));
        assertEquals(
                "Uppsökande",
                calendar.location(meeting(MeetingKind.OUTREACH, null)).orElseThrow());
        assertEquals(
                "Bibliotek",
                calendar.location(meeting(MeetingKind.OUTREACH, "Bibliotek")).orElseThrow());
        assertEquals(
                "Telefon", calendar.location(meeting(MeetingKind.PHONE, null)).orElseThrow());
        assertTrue(calendar.location(meeting(MeetingKind.MESSAGE, null)).isEmpty());
        assertEquals(
                "The office",
                new MeetingCalendar(new I18n(Locale.ENGLISH))
                        .location(meeting(MeetingKind.DESK, null))
                        .orElseThrow());
    }

    private static Meeting meeting(MeetingKind kind, String place) {
        return new Meeting(
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                LocalDateTime.of(2026, 12, 7, 10, 0),
                kind,
                place,
                MeetingOutcome.PLANNED,
                null,
                false,
                null,
                null,
                null,
                null);
    }
}
