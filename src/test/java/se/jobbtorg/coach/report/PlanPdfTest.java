package se.jobbtorg.coach.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.i18n.I18n;

/** The plan a participant takes home, read back from the PDF. */
class PlanPdfTest {
    @TempDir
    Path dir;

    @Test
    void thePlanPrintsEveryNameAsSpeltAndLeavesInternalNotesOut() throws Exception {
        UUID planId = UUID.randomUUID();
        var plan = new ActivityPlan(
                planId,
                UUID.randomUUID(),
                2,
                PlanGoal.WORK,
                "Vill arbeta på förskola",
                LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 4),
                "Omar Farah",
                true);
        var activities = List.of(
                new Activity(
                        UUID.randomUUID(),
                        planId,
                        ActivityKind.WORK_TRAINING,
                        null,
                        "Café Kvarnen",
                        "Kök och kassa",
                        LocalDate.of(2026, 11, 9),
                        LocalDate.of(2027, 2, 26),
                        null),
                new Activity(
                        UUID.randomUUID(),
                        planId,
                        ActivityKind.OTHER,
                        "Körkortsteori",
                        "Trafikskolan Ängby",
                        null,
                        LocalDate.of(2026, 12, 1),
                        LocalDate.of(2027, 1, 31),
                        null));
        var meeting = new Meeting(
                UUID.randomUUID(),
                plan.enrolmentId(),
                null,
                LocalDate.of(2026, 12, 3).atTime(9, 30),
                MeetingKind.DESK,
                MeetingOutcome.PLANNED,
                null,
                false,
                "INTERN ANTECKNING",
                null,
                null,
                null);
        Path out = dir.resolve("plans/plan.pdf");
        new PlanPdf(new I18n(Locale.forLanguageTag("sv-SE")))
                .write(
                        new PlanPdf.Content(
                                "Dragan Petrović",
                                plan,
                                activities,
                                List.of(meeting),
                                "Linnea Ek",
                                "Jobbtorg Kista",
                                LocalDate.of(2026, 11, 24)),
                        out);

        String text;
        try (var pdf = Loader.loadPDF(out.toFile())) {
            assertEquals(1, pdf.getNumberOfPages());
            assertEquals(
                    "Aktivitetsplan för Dragan Petrović",
                    pdf.getDocumentInformation().getTitle());
            text = new PDFTextStripper().getText(pdf);
        }
        for (String expected : List.of(
                "Aktivitetsplan för Dragan Petrović",
                "Version 2, godkänd av socialtjänsten 2026-11-04",
                "Arbete",
                "Vill arbeta på förskola",
                "Arbetsträning",
                "Hos Café Kvarnen, 2026-11-09 – 2027-02-26",
                "Körkortsteori",
                "Trafikskolan Ängby",
                "2026-12-03 kl. 09:30, Besök på kontoret",
                "Linnea Ek, Jobbtorg Kista")) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
        assertFalse(text.contains("INTERN"), "meeting notes are not for the paper");
        assertFalse(text.contains("Omar Farah"), "nor who approved it");
    }

    @Test
    void oddCharactersInATextNeverStopThePrint() throws Exception {
        UUID planId = UUID.randomUUID();
        var plan = new ActivityPlan(
                planId,
                UUID.randomUUID(),
                1,
                PlanGoal.STUDIES,
                "Vill\tplugga \uD83D\uDE00 vidare",
                LocalDate.of(2026, 11, 2),
                null,
                null,
                false);
        Path out = dir.resolve("odd.pdf");
        new PlanPdf(new I18n(Locale.forLanguageTag("sv-SE")))
                .write(
                        new PlanPdf.Content(
                                "Åsa Öberg", plan, List.of(), List.of(), "Linnea Ek", null, LocalDate.of(2026, 11, 24)),
                        out);
        try (var pdf = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            // The tab is a space; the emoji prints as the font can (a glyph or "?"), and the plan is whole.
            assertTrue(text.contains("Vill plugga ") && text.contains(" vidare") && text.contains("Linnea Ek"), text);
        }
    }
}
