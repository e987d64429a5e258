package se.jobbtorg.coach.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Meeting;

/**
 * The participant's activity plan as a PDF to take home: goal, own wishes, activities with
 * provider and dates, the review and the 18-month dates, the next meetings, the duty to take part
 * and what follows if the person does not, how to reach the coach, and lines to sign. Written for
 * the person: no internal notes, no mapping, no personal identity number.
 *
 * <p>The Swedish plan comes first: it is the one that applies and is signed. When the person's
 * language is one the plan is written in ({@link PlanLanguage}), the same plan follows on its own
 * pages in that language, right to left for Arabic; what the coach typed (goal text, providers,
 * descriptions) is printed as typed. DejaVu Sans is embedded, so every name prints as it is
 * spelt (Petrović as well as Åsa) and Arabic letters join.
 */
public final class PlanPdf {
    /** How the person reaches their coach; phone, e-mail, unit and address may each be missing. */
    public record Contact(String coachName, String phone, String email, String unit, String unitAddress) {}

    /**
     * What goes on the paper. meetings: the planned ones still to come; reviewOn: when the approved
     * plan is to be reviewed (null before an approval); limitOn: the last day of the 18 months;
     * language: the person's, or null for the Swedish plan alone.
     */
    public record Content(
            String participantName,
            ActivityPlan plan,
            List<Activity> activities,
            List<Meeting> meetings,
            LocalDate reviewOn,
            LocalDate limitOn,
            Contact contact,
            PlanLanguage language,
            LocalDate printedOn) {}

    /** Writes the whole file or nothing. */
    public void write(Content c, Path out) throws IOException {
        PlanText swedish = new PlanText(PlanLanguage.SWEDISH);
        try (PdfPages pdf = new PdfPages(swedish.get("title", c.participantName()))) {
            pages(pdf, swedish, c);
            if (c.language() != null && c.language() != PlanLanguage.SWEDISH) {
                pdf.pageBreak();
                pdf.rightToLeft(c.language().rightToLeft());
                pages(pdf, new PlanText(c.language()), c);
            }
            pdf.save(out);
        }
    }

    /** The whole plan in one language. */
    private static void pages(PdfPages pdf, PlanText t, Content c) throws IOException {
        PDFont regular = pdf.regular;
        PDFont bold = pdf.bold;
        boolean original = t.language() == PlanLanguage.SWEDISH;
        pdf.text(bold, 18, t.get("title", c.participantName()));
        if (!original) {
            pdf.text(regular, 10, t.get("translation.note"));
        }
        ActivityPlan p = c.plan();
        pdf.text(
                regular,
                10,
                p.isApproved() ? t.get("approved", p.version(), p.approvedOn()) : t.get("draft", p.version()));

        pdf.gap(10);
        pdf.text(bold, 13, t.get("dates"));
        pdf.text(regular, 11, c.reviewOn() == null ? t.get("noReview") : t.get("review", c.reviewOn()));
        pdf.text(regular, 11, t.get("limit", c.limitOn()));

        pdf.gap(10);
        pdf.text(bold, 13, t.get("goal"));
        pdf.text(regular, 11, p.goal() == null ? "–" : t.of(p.goal()));
        if (p.wishes() != null) {
            pdf.gap(6);
            pdf.text(bold, 13, t.get("wishes"));
            pdf.text(regular, 11, p.wishes());
        }

        pdf.gap(10);
        pdf.text(bold, 13, t.get("activities"));
        if (c.activities().isEmpty()) {
            pdf.text(regular, 11, t.get("noActivities"));
        }
        for (Activity a : c.activities()) {
            String name = a.kind() == ActivityKind.OTHER && a.otherText() != null ? a.otherText() : t.of(a.kind());
            pdf.text(bold, 11, name);
            pdf.text(
                    regular,
                    11,
                    t.get("activity", a.provider() == null ? "–" : a.provider(), a.startOn(), a.lastDay()));
            if (a.description() != null) {
                pdf.text(regular, 11, a.description());
            }
            pdf.gap(4);
        }

        pdf.gap(6);
        pdf.text(bold, 13, t.get("meetings"));
        if (c.meetings().isEmpty()) {
            pdf.text(regular, 11, t.get("noMeetings"));
        }
        for (Meeting m : c.meetings()) {
            pdf.text(
                    regular,
                    11,
                    t.get("meeting", m.at().toLocalDate(), m.at().toLocalTime().toString(), t.of(m.kind())));
        }

        pdf.gap(10);
        pdf.text(bold, 13, t.get("duty"));
        pdf.text(regular, 11, t.get("duty.text"));
        pdf.gap(4);
        pdf.text(regular, 11, t.get("duty.consequence"));

        pdf.gap(10);
        pdf.text(bold, 13, t.get("contact"));
        Contact who = c.contact();
        pdf.text(regular, 11, who.coachName());
        if (present(who.phone())) {
            pdf.text(regular, 11, t.get("phone", who.phone()));
        }
        if (present(who.email())) {
            pdf.text(regular, 11, t.get("email", who.email()));
        }
        if (present(who.unit())) {
            pdf.text(regular, 11, present(who.unitAddress()) ? who.unit() + ", " + who.unitAddress() : who.unit());
        }

        if (original) {
            pdf.gap(10);
            pdf.text(bold, 13, t.get("signatures"));
            pdf.signatureLines(regular, 9, t.get("signature.participant"), t.get("signature.date"));
            pdf.signatureLines(regular, 9, t.get("signature.coach"), t.get("signature.date"));
        }
        pdf.gap(10);
        pdf.text(regular, 9, t.get("footer", c.printedOn()));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
