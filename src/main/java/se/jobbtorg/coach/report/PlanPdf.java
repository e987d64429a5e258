package se.jobbtorg.coach.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
    /** What goes on the paper. meetings: the planned ones still to come. */
    public record Content(
            String participantName,
            ActivityPlan plan,
            List<Activity> activities,
            List<Meeting> meetings,
            String coachName,
            String coachUnit,
            LocalDate printedOn) {}

    private final I18n i18n;

    public PlanPdf(I18n i18n) {
        this.i18n = i18n;
    }

    /** Writes the whole file or nothing. */
    public void write(Content c, Path out) throws IOException {
        try (PdfPages pdf = new PdfPages(i18n.get("planPdf.title", c.participantName()))) {
            var regular = pdf.regular;
            var bold = pdf.bold;
            pdf.text(bold, 18, i18n.get("planPdf.title", c.participantName()));
            ActivityPlan p = c.plan();
            pdf.text(
                    regular,
                    10,
                    p.isApproved()
                            ? i18n.get("planPdf.approved", p.version(), p.approvedOn())
                            : i18n.get("planPdf.draft", p.version()));
            pdf.gap(10);
            pdf.text(bold, 13, i18n.get("planPdf.goal"));
            pdf.text(regular, 11, p.goal() == null ? "–" : i18n.of(p.goal()));
            if (p.wishes() != null) {
                pdf.gap(6);
                pdf.text(bold, 13, i18n.get("planPdf.wishes"));
                pdf.text(regular, 11, p.wishes());
            }
            pdf.gap(10);
            pdf.text(bold, 13, i18n.get("planPdf.activities"));
            if (c.activities().isEmpty()) {
                pdf.text(regular, 11, "–");
            }
            for (Activity a : c.activities()) {
                String name =
                        a.kind() == ActivityKind.OTHER && a.otherText() != null ? a.otherText() : i18n.of(a.kind());
                pdf.text(bold, 11, name);
                pdf.text(
                        regular,
                        11,
                        i18n.get(
                                "planPdf.activity",
                                a.provider() == null ? "–" : a.provider(),
                                a.startOn(),
                                a.lastDay()));
                if (a.description() != null) {
                    pdf.text(regular, 11, a.description());
                }
                pdf.gap(4);
            }
            pdf.gap(6);
            pdf.text(bold, 13, i18n.get("planPdf.meetings"));
            if (c.meetings().isEmpty()) {
                pdf.text(regular, 11, i18n.get("planPdf.noMeetings"));
            }
            for (Meeting m : c.meetings()) {
                pdf.text(
                        regular,
                        11,
                        i18n.get(
                                "planPdf.meeting",
                                m.at().toLocalDate(),
                                m.at().toLocalTime().toString(),
                                i18n.of(m.kind())));
            }
            pdf.gap(10);
            pdf.text(bold, 13, i18n.get("planPdf.contact"));
            pdf.text(regular, 11, c.coachName() + (c.coachUnit() == null ? "" : ", " + c.coachUnit()));
            pdf.gap(10);
            pdf.text(regular, 9, i18n.get("planPdf.footer", c.printedOn()));
            pdf.save(out);
        }
    }
}
