package se.jobbtorg.coach.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import se.jobbtorg.coach.files.AtomicFile;

/**
 * Text flowing down A4 pages, a new page when one is full, in DejaVu Sans (embedded, so every
 * name prints as spelt, and Arabic script too). Lines run left to right, or right to left
 * (aligned to the right margin, Arabic letters joined: see RightToLeft) after
 * {@link #rightToLeft(boolean)}. Saved whole or not at all: a temporary file moved into place.
 */
final class PdfPages implements AutoCloseable {
    static final float MARGIN = 56;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc = new PDDocument();
    final PDFont regular;
    final PDFont bold;
    private PDPageContentStream page;
    private float y;
    private boolean rightToLeft;

    PdfPages(String title) throws IOException {
        regular = font("/fonts/DejaVuSans.ttf");
        bold = font("/fonts/DejaVuSans-Bold.ttf");
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setCreator("Jobbtorg Coach");
        newPage();
    }

    private PDFont font(String resource) throws IOException {
        try (InputStream in = PdfPages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing font " + resource);
            }
            return PDType0Font.load(doc, in);
        }
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

    void gap(float points) {
        y -= points;
    }

    /** The text from here on runs right to left (true) or left to right. */
    void rightToLeft(boolean rightToLeft) {
        this.rightToLeft = rightToLeft;
    }

    /** The text from here on starts on a new page. */
    void pageBreak() throws IOException {
        newPage();
    }

    /** Wrapped to the page width, word by word. */
    void text(PDFont font, float size, String text) throws IOException {
        for (String line : wrap(font, size, text, WIDTH, rightToLeft)) {
            String drawn = rightToLeft ? printable(font, RightToLeft.visual(line)) : line;
            float x = rightToLeft ? MARGIN + WIDTH - font.getStringWidth(drawn) / 1000 * size : MARGIN;
            line(font, size, x, drawn);
            y -= size * 1.35f;
        }
    }

    /**
     * Lines to sign on, side by side, each with its label under it (a signature and a date): the
     * first at the start of the line in the text's direction.
     */
    void signatureLines(PDFont font, float size, String... labels) throws IOException {
        float gap = 24;
        float each = (WIDTH - gap * (labels.length - 1)) / labels.length;
        y -= 28;
        if (y - 2 * size * 1.35f < MARGIN) {
            newPage();
            y -= 28;
        }
        for (int i = 0; i < labels.length; i++) {
            float x = rightToLeft ? MARGIN + WIDTH - (i + 1) * each - i * gap : MARGIN + i * (each + gap);
            page.moveTo(x, y);
            page.lineTo(x + each, y);
            page.stroke();
            String drawn = rightToLeft ? printable(font, RightToLeft.visual(labels[i])) : printable(font, labels[i]);
            float labelX = rightToLeft ? x + each - font.getStringWidth(drawn) / 1000 * size : x;
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(labelX, y - size * 1.35f);
            page.showText(drawn);
            page.endText();
        }
        y -= 2 * size * 1.35f;
    }

    /** Cells side by side on one line, each at its x offset from the margin (no wrapping). */
    void row(PDFont font, float size, float[] offsets, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            line(font, size, MARGIN + offsets[i], cells[i]);
        }
        y -= size * 1.35f;
    }

    private void line(PDFont font, float size, float x, String text) throws IOException {
        if (y - size * 1.35f < MARGIN) {
            newPage();
        }
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y - size);
        page.showText(printable(font, text));
        page.endText();
    }

    /**
     * What the font can print: control characters (a pasted tab) become spaces, characters the
     * font has no glyph for (an emoji in a note) become "?", so one odd character never stops a
     * whole document.
     */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (bidiControl(cp)) {
                // Direction marks have no glyph; a right-to-left line has been ordered by them already.
                return;
            }
            String c = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
            try {
                font.encode(c);
                out.append(c);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean bidiControl(int cp) {
        return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        return wrap(font, size, text, width, false);
    }

    /** Lines in reading order; right to left, each is measured as it will be drawn (letters joined). */
    static List<String> wrap(PDFont font, float size, String text, float width, boolean rightToLeft)
            throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            StringBuilder line = new StringBuilder();
            // Right to left the line keeps its direction marks until it is ordered for drawing.
            for (String word : (rightToLeft ? paragraph : printable(font, paragraph)).split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                String measured = rightToLeft ? printable(font, RightToLeft.visual(candidate)) : candidate;
                if (font.getStringWidth(measured) / 1000 * size > width && line.length() > 0) {
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

    void save(Path out) throws IOException {
        page.close();
        page = null;
        AtomicFile.write(out, temp -> doc.save(temp.toFile()));
    }

    @Override
    public void close() throws IOException {
        if (page != null) {
            page.close();
        }
        doc.close();
    }
}
