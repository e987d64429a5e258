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
 * name prints as spelt). Saved whole or not at all: a temporary file moved into place.
 */
final class PdfPages implements AutoCloseable {
    static final float MARGIN = 56;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc = new PDDocument();
    final PDFont regular;
    final PDFont bold;
    private PDPageContentStream page;
    private float y;

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

    /** Wrapped to the page width, word by word. */
    void text(PDFont font, float size, String text) throws IOException {
        for (String line : wrap(font, size, text, WIDTH)) {
            line(font, size, MARGIN, line);
            y -= size * 1.35f;
        }
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

    static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : printable(font, paragraph).split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > width && line.length() > 0) {
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
