package se.jobbtorg.coach.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.PlanGoal;

/**
 * The plan a participant takes home, read back from the PDF: the Swedish plan, and beside it the
 * same plan in the person's language. The pages are also drawn as images into
 * target/plan-pdf/ to be looked at (the Arabic ones above all).
 */
class PlanPdfTest {
    private static final Path PICTURES = Path.of("target", "plan-pdf");

    @TempDir
    Path dir;

    private final UUID planId = UUID.randomUUID();
    private final ActivityPlan plan = new ActivityPlan(
            planId,
            UUID.randomUUID(),
            2,
            PlanGoal.WORK,
            "Vill arbeta på förskola",
            LocalDate.of(2026, 11, 2),
            LocalDate.of(2026, 11, 4),
            "Omar Farah",
            true);
    private final List<Activity> activities = List.of(
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
    private final Meeting meeting = new Meeting(
            UUID.randomUUID(),
            plan.enrolmentId(),
            null,
            LocalDate.of(2026, 12, 3).atTime(9, 30),
            MeetingKind.DESK,
            null,
            MeetingOutcome.PLANNED,
            null,
            false,
            "INTERN ANTECKNING",
            null,
            null,
            null);

    private PlanPdf.Content content(String name, PlanLanguage language) {
        return new PlanPdf.Content(
                name,
                plan,
                activities,
                List.of(meeting),
                LocalDate.of(2027, 5, 4),
                LocalDate.of(2028, 4, 1),
                new PlanPdf.Contact(
                        "Linnea Ek",
                        "08-508 123 45",
                        "linnea.ek@example.se",
                        "Jobbtorg Kista",
                        "Exempelgatan 1, 164 40 Kista"),
                language,
                LocalDate.of(2026, 11, 24));
    }

    @Test
    void theSwedishPlanHoldsTheDatesTheDutyTheCoachAndLinesToSignAndNoInternalNote() throws Exception {
        Path out = dir.resolve("plans/plan.pdf");
        new PlanPdf().write(content("Dragan Petrović", null), out);

        String text;
        try (var pdf = Loader.loadPDF(out.toFile())) {
            assertEquals(
                    "Aktivitetsplan för Dragan Petrović",
                    pdf.getDocumentInformation().getTitle());
            text = new PDFTextStripper().getText(pdf);
            pictures(pdf, "sv");
        }
        for (String expected : List.of(
                "Aktivitetsplan för Dragan Petrović",
                "Version 2, godkänd av socialtjänsten 2026-11-04",
                "Planen ska följas upp senast 2027-05-04.",
                "Du kan delta i Jobbtorgs insatser till och med 2028-04-01 (18 månader).",
                "Arbete",
                "Vill arbeta på förskola",
                "Arbetsträning",
                "Hos Café Kvarnen, 2026-11-09 – 2027-02-26",
                "Körkortsteori",
                "Trafikskolan Ängby",
                "2026-12-03 kl. 09:30, Besök på kontoret",
                "Din skyldighet att delta",
                "Det är ett villkor för ditt försörjningsstöd.",
                "Socialtjänsten kan då sänka ditt försörjningsstöd.",
                "Linnea Ek",
                "Telefon: 08-508 123 45",
                "E-post: linnea.ek@example.se",
                "Jobbtorg Kista, Exempelgatan 1, 164 40 Kista",
                "Aspirantens underskrift",
                "Jobbcoachens underskrift")) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
        assertFalse(text.contains("INTERN"), "meeting notes are not for the paper");
        assertFalse(text.contains("Omar Farah"), "nor who approved it");
        assertFalse(text.contains("Översättning"), "no other language was asked for");
    }

    /**
     * Each language's pages follow the Swedish ones, in that language: the title with the name as
     * spelt, the duty to take part, an activity kind, the dates as 2026-11-24 and the coach.
     */
    @ParameterizedTest
    @EnumSource(value = PlanLanguage.class, names = "SWEDISH", mode = EnumSource.Mode.EXCLUDE)
    void thePlanInThePersonsLanguageFollowsTheSwedish(PlanLanguage language) throws Exception {
        Path out = dir.resolve("plan-" + language.locale() + ".pdf");
        new PlanPdf().write(content("Dragan Petrović", language), out);
        PlanText t = new PlanText(language);

        String swedish;
        String translated;
        int firstTranslated;
        try (var pdf = Loader.loadPDF(out.toFile())) {
            pictures(pdf, language.locale().toString());
            int pages = pdf.getNumberOfPages();
            firstTranslated = firstPageOf(pdf, t.get("translation.note"));
            var stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(firstTranslated - 1);
            swedish = stripper.getText(pdf);
            stripper.setStartPage(firstTranslated);
            stripper.setEndPage(pages);
            translated = readable(stripper.getText(pdf));
        }
        assertTrue(swedish.contains("Aktivitetsplan för Dragan Petrović"), swedish);
        // A line that mixes directions comes back from the PDF in the reader's order, not the
        // writer's: the name is looked for apart from the title around it.
        for (String expected : List.of(
                t.get("title", "").strip(),
                "Dragan Petrović",
                t.get("translation.note"),
                t.get("duty"),
                t.get("contact"),
                t.of(ActivityKind.WORK_TRAINING),
                t.of(PlanGoal.WORK),
                "Café Kvarnen",
                "Linnea Ek")) {
            assertTrue(translated.contains(readable(expected)), expected + " in\n" + translated);
        }
        // Dates are looked for as drawn: a reader's order of a mixed line may turn them round.
        LineEnds drawn = new LineEnds(firstTranslated);
        try (var pdf = Loader.loadPDF(out.toFile())) {
            drawn.getText(pdf);
        }
        assertTrue(drawn.drawn().contains("2027-05-04") && drawn.drawn().contains("2028-04-01"), drawn.drawn());
        assertFalse(translated.contains("Aspirantens underskrift"), "the person signs the Swedish plan");
    }

    /**
     * Arabic runs right to left: every line of its pages ends at the right margin (and starts
     * wherever its length takes it), where every Swedish line starts at the left margin.
     */
    @Test
    void arabicLinesAreSetFromTheRightMargin() throws Exception {
        Path out = dir.resolve("plan-ar.pdf");
        new PlanPdf().write(content("Dragan Petrović", PlanLanguage.ARABIC), out);
        float left = PdfPages.MARGIN;
        float right = PdfPages.MARGIN + PdfPages.WIDTH;
        try (var pdf = Loader.loadPDF(out.toFile())) {
            int first = firstPageOf(pdf, new PlanText(PlanLanguage.ARABIC).get("translation.note"));
            LineEnds swedish = new LineEnds(1);
            swedish.getText(pdf);
            LineEnds arabic = new LineEnds(first);
            arabic.getText(pdf);
            assertTrue(swedish.starts.size() > 10 && arabic.ends.size() > 10, "both pages have lines");
            swedish.starts.forEach(x -> assertEquals(left, x, 1, "a Swedish line starts at the left margin"));
            arabic.ends.forEach(x -> assertEquals(right, x, 1, "an Arabic line ends at the right margin"));
            assertTrue(
                    arabic.starts.stream().anyMatch(x -> x > left + 100),
                    "short Arabic lines start right of the middle");
        }
    }

    /**
     * The lines of one page by their characters' positions: where each starts and ends, and its
     * text as drawn from left to right (letter forms joined back to letters).
     */
    private static final class LineEnds extends PDFTextStripper {
        private final SortedMap<Integer, List<TextPosition>> lines = new TreeMap<>();
        final List<Float> starts = new ArrayList<>();
        final List<Float> ends = new ArrayList<>();

        LineEnds(int page) throws IOException {
            setStartPage(page);
            setEndPage(page);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            for (TextPosition p : positions) {
                if (!p.getUnicode().isBlank()) {
                    lines.computeIfAbsent(Math.round(p.getYDirAdj()), y -> new ArrayList<>())
                            .add(p);
                }
            }
        }

        @Override
        protected void endDocument(PDDocument document) {
            for (List<TextPosition> line : lines.values()) {
                starts.add((float) line.stream()
                        .mapToDouble(TextPosition::getXDirAdj)
                        .min()
                        .orElseThrow());
                ends.add((float) line.stream()
                        .mapToDouble(p -> p.getXDirAdj() + p.getWidthDirAdj())
                        .max()
                        .orElseThrow());
            }
        }

        /** The page's text as drawn, each line left to right: a date in Arabic reads 2026-11-24. */
        String drawn() {
            StringBuilder text = new StringBuilder();
            for (List<TextPosition> line : lines.values()) {
                line.stream()
                        .sorted(Comparator.comparingDouble(TextPosition::getXDirAdj))
                        .forEach(p -> text.append(p.getUnicode()));
                text.append('\n');
            }
            return readable(text.toString());
        }
    }

    @Test
    void oddCharactersInATextNeverStopThePrint() throws Exception {
        var odd = new ActivityPlan(
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
        new PlanPdf()
                .write(
                        new PlanPdf.Content(
                                "Åsa Öberg",
                                odd,
                                List.of(),
                                List.of(),
                                null,
                                LocalDate.of(2028, 4, 1),
                                new PlanPdf.Contact("Linnea Ek", "", "", null, null),
                                PlanLanguage.ARABIC,
                                LocalDate.of(2026, 11, 24)),
                        out);
        try (var pdf = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            // The tab is a space; the emoji prints as the font can (a glyph or "?"), and the plan is whole.
            assertTrue(text.contains("Vill plugga ") && text.contains(" vidare") && text.contains("Linnea Ek"), text);
            assertTrue(text.contains("Planen följs upp senast sex månader"), "a draft has no review date yet");
            assertFalse(text.contains("Telefon:"), "a phone not given is left out, not printed empty");
        }
    }

    /** The first page whose text holds this (the first translated page holds its note). */
    private static int firstPageOf(PDDocument pdf, String text) throws Exception {
        var stripper = new PDFTextStripper();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            if (readable(stripper.getText(pdf)).contains(readable(text))) {
                return page;
            }
        }
        throw new AssertionError("no page holds " + text);
    }

    /**
     * Joined Arabic letter forms back to letters, direction marks (which are not drawn) left out,
     * and every run of spaces and line ends as one space.
     */
    private static String readable(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static void pictures(PDDocument pdf, String name) throws Exception {
        Files.createDirectories(PICTURES);
        pdf.save(PICTURES.resolve(name + ".pdf").toFile());
        var renderer = new PDFRenderer(pdf);
        for (int page = 0; page < pdf.getNumberOfPages(); page++) {
            ImageIO.write(
                    renderer.renderImageWithDPI(page, 80),
                    "png",
                    PICTURES.resolve(name + "-" + (page + 1) + ".png").toFile());
        }
    }
}
