package se.jobbtorg.coach.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.i18n.I18n;

/**
 * The participant's activity plan as a PDF to take home: goal, own wishes, activities with
 * provider and dates, the next meetings, and how to reach the coach. Written for the person:
 * no internal notes, no mapping, no personal identity number. DejaVu Sans is embedded, so every
 * name prints as it is spelt (Petrović as well as Åsa).
 */
public final class PlanPdf {
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    /** What goes on the paper. meetings: the planned ones still to come. */
    public record Content(String participantName, ActivityPlan plan, List<Activity> activities, List<Meeting> meetings,
            String coachName, String coachUnit, LocalDate printedOn) {
    }

    private final I18n i18n;

    public PlanPdf(I18n i18n) {
        this.i18n = i18n;
    }

    /** Writes the whole file or nothing: a temporary file moved into place. */
    public void write(Content c, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".plan", ".tmp");
        try {
            try (PDDocument doc = new PDDocument()) {
                PDFont regular = font(doc, "/fonts/DejaVuSans.ttf");
                PDFont bold = font(doc, "/fonts/DejaVuSans-Bold.ttf");
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(i18n.get("planPdf.title", c.participantName()));
                info.setCreator("Jobbtorg Coach");
                new Writer(doc, regular, bold).content(c);
                doc.save(temp.toFile());
            }
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static PDFont font(PDDocument doc, String resource) throws IOException {
        try (InputStream in = PlanPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing font " + resource);
            }
            return PDType0Font.load(doc, in);
        }
    }

    /** Lines down the page, a new page when one is full. */
    private final class Writer {
        private final PDDocument doc;
        private final PDFont regular;
        private final PDFont bold;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument doc, PDFont regular, PDFont bold) {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
        }

        void content(Content c) throws IOException {
            newPage();
            text(bold, 18, i18n.get("planPdf.title", c.participantName()));
            ActivityPlan p = c.plan();
            text(regular, 10, p.isApproved() ? i18n.get("planPdf.approved", p.version(), p.approvedOn())
                    : i18n.get("planPdf.draft", p.version()));
            gap(10);
            text(bold, 13, i18n.get("planPdf.goal"));
            text(regular, 11, p.goal() == null ? "–" : i18n.of(p.goal()));
            if (p.wishes() != null) {
                gap(6);
                text(bold, 13, i18n.get("planPdf.wishes"));
                text(regular, 11, p.wishes());
            }
            gap(10);
            text(bold, 13, i18n.get("planPdf.activities"));
            if (c.activities().isEmpty()) {
                text(regular, 11, "–");
            }
            for (Activity a : c.activities()) {
                String name = a.kind() == ActivityKind.OTHER && a.otherText() != null ? a.otherText() : i18n.of(a.kind());
                text(bold, 11, name);
                text(regular, 11, i18n.get("planPdf.activity", a.provider() == null ? "–" : a.provider(),
                        a.startOn(), a.lastDay()));
                if (a.description() != null) {
                    text(regular, 11, a.description());
                }
                gap(4);
            }
            gap(6);
            text(bold, 13, i18n.get("planPdf.meetings"));
            if (c.meetings().isEmpty()) {
                text(regular, 11, i18n.get("planPdf.noMeetings"));
            }
            for (Meeting m : c.meetings()) {
                text(regular, 11, i18n.get("planPdf.meeting", m.at().toLocalDate(), m.at().toLocalTime().toString(),
                        i18n.of(m.kind())));
            }
            gap(10);
            text(bold, 13, i18n.get("planPdf.contact"));
            text(regular, 11, c.coachName() + (c.coachUnit() == null ? "" : ", " + c.coachUnit()));
            gap(10);
            text(regular, 9, i18n.get("planPdf.footer", c.printedOn()));
            page.close();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            page = new PDPageContentStream(doc, p);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void gap(float points) {
            y -= points;
        }

        /** Wraps the text to the page width, word by word. */
        private void text(PDFont font, float size, String text) throws IOException {
            for (String line : wrap(font, size, text)) {
                if (y < MARGIN + size) {
                    newPage();
                }
                y -= size * 1.35f;
                page.beginText();
                page.setFont(font, size);
                page.newLineAtOffset(MARGIN, y);
                page.showText(line);
                page.endText();
            }
        }

        private List<String> wrap(PDFont font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\\R")) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" ")) {
                    String candidate = line.length() == 0 ? word : line + " " + word;
                    if (font.getStringWidth(candidate) / 1000 * size > WIDTH && line.length() > 0) {
                        lines.add(line.toString());
                        line = new StringBuilder(word);
                    } else {
                        line = new StringBuilder(candidate);
                    }
                }
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
