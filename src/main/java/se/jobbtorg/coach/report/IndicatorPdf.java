package se.jobbtorg.coach.report;

import java.io.IOException;
import java.nio.file.Path;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Indicators;
import se.jobbtorg.coach.domain.SelfSupport;
import se.jobbtorg.coach.i18n.I18n;

/**
 * A one-page summary a team lead can send: the volume, exits, self-support in both definitions
 * side by side with the gap, and the process figures, each share with its counts, and how the
 * figures are counted in a few sentences at the foot.
 */
public final class IndicatorPdf {
    private static final float[] SELF_SUPPORT_COLUMNS = {0, 60, 180, 300, 400};
    private static final float[] FIGURE_COLUMNS = {0, 330};

    private final I18n i18n;
    private boolean internal;

    public IndicatorPdf(I18n i18n) {
        this.i18n = i18n;
    }

    /** Small numbers left out: for outside the unit. */
    public void write(Indicators.Report r, String unit, Path out) throws IOException {
        write(r, unit, out, false);
    }

    /** internal: every count as it is; otherwise counts of 1 to 4 people are "&lt; 5" (decision 0015). */
    public void write(Indicators.Report r, String unit, Path out, boolean internal) throws IOException {
        this.internal = internal;
        try (PdfPages pdf = new PdfPages(i18n.get("report.title"))) {
            pdf.text(pdf.bold, 16, i18n.get("report.title"));
            pdf.text(
                    pdf.regular,
                    10,
                    i18n.get(
                            "pdf.period",
                            r.from(),
                            r.to(),
                            r.reportDate(),
                            unit == null ? i18n.get("report.allUnits") : unit));
            pdf.text(
                    pdf.regular,
                    8,
                    i18n.get("report.smallNumbers") + ": "
                            + i18n.get(internal ? "report.smallNumbers.internal" : "report.smallNumbers.suppressed"));
            if (!internal) {
                pdf.text(pdf.regular, 8, i18n.get("report.smallNumbers.fewer"));
                pdf.text(pdf.regular, 8, i18n.get("report.smallNumbers.hidden"));
            }
            pdf.gap(10);
            pdf.text(pdf.bold, 12, i18n.get("report.section.volume"));
            figure(pdf, i18n.get("report.enrolled"), count(r.enrolled().count()));
            figure(pdf, i18n.get("report.active"), count(r.active().count()));
            figure(
                    pdf,
                    i18n.get("pdf.exits"),
                    count(r.unknownReason().denominator().count()));
            // Left out where the exits by reason (in the other files) leave it out to protect another reason.
            boolean unknownHidden = !internal
                    && SmallNumbers.HIDDEN.equals(
                            new IndicatorTable(i18n, true).exitCells(r).get(ExitReason.UNKNOWN.ordinal()));
            figure(
                    pdf,
                    i18n.get("report.unknown"),
                    unknownHidden
                            ? i18n.get(
                                    "pdf.shareHidden",
                                    SmallNumbers.HIDDEN,
                                    count(r.unknownReason().denominator().count()))
                            : share(r.unknownReason()));
            pdf.gap(8);
            pdf.text(pdf.bold, 12, i18n.get("report.section.selfSupport"));
            pdf.row(
                    pdf.bold,
                    9,
                    SELF_SUPPORT_COLUMNS,
                    i18n.get("pdf.months"),
                    i18n.get("pdf.city"),
                    i18n.get("pdf.strict"),
                    i18n.get("pdf.gap"),
                    i18n.get("pdf.notYet"));
            for (var at : r.selfSupport()) {
                boolean bothShown = shown(at.shares().get(SelfSupport.CITY))
                        && shown(at.shares().get(SelfSupport.STRICT));
                pdf.row(
                        pdf.regular,
                        10,
                        SELF_SUPPORT_COLUMNS,
                        i18n.get("summary.chart.months", at.months()),
                        share(at.shares().get(SelfSupport.CITY)),
                        share(at.shares().get(SelfSupport.STRICT)),
                        at.gap() == null ? "–" : bothShown ? IndicatorTable.percent(at.gap()) : SmallNumbers.HIDDEN,
                        count(at.notYetMeasurable().count()));
            }
            pdf.gap(8);
            pdf.text(pdf.bold, 12, i18n.get("report.section.process"));
            figure(pdf, i18n.get("report.returns"), count(r.returns().count()));
            figure(
                    pdf,
                    i18n.get("report.daysToReturn"),
                    hidden(r.returns().count()) ? SmallNumbers.HIDDEN : days(r.medianDaysToReturn()));
            figure(
                    pdf,
                    i18n.get("report.daysToPlan"),
                    hidden(r.enrolled().count()) ? SmallNumbers.HIDDEN : days(r.medianDaysToApprovedPlan()));
            figure(pdf, i18n.get("report.planWithinFive"), share(r.planWithinFiveDays()));
            pdf.gap(12);
            pdf.text(pdf.bold, 10, i18n.get("pdf.howCounted"));
            pdf.text(pdf.regular, 8, i18n.get("report.selfSupport.city.definition", "X"));
            pdf.text(pdf.regular, 8, i18n.get("report.selfSupport.strict.definition", "X"));
            pdf.text(pdf.regular, 8, i18n.get("report.unknown.definition"));
            pdf.text(pdf.regular, 8, i18n.get("report.planWithinFive.definition"));
            pdf.save(out);
        }
    }

    private static void figure(PdfPages pdf, String name, String value) throws IOException {
        pdf.row(pdf.regular, 10, FIGURE_COLUMNS, name, value);
    }

    private String count(int n) {
        return internal ? Integer.toString(n) : SmallNumbers.count(n);
    }

    /** Whether what rests on n people is left out. */
    private boolean hidden(int n) {
        return !internal && SmallNumbers.small(n);
    }

    private boolean shown(Indicators.Share s) {
        return internal
                || SmallNumbers.share(s.numerator().count(), s.denominator().count())
                        .shown();
    }

    /** "33,3 % (1 av 3)", a dash when there is nothing to divide, "x (&lt; 5 av 12)" when left out. */
    private String share(Indicators.Share s) {
        if (s.value() != null && !shown(s)) {
            var cells =
                    SmallNumbers.share(s.numerator().count(), s.denominator().count());
            return i18n.get("pdf.shareHidden", cells.numerator(), cells.denominator());
        }
        return s.value() == null
                ? "–"
                : i18n.get(
                        "pdf.share",
                        IndicatorTable.percent(s.value()),
                        s.numerator().count(),
                        s.denominator().count());
    }

    private static String days(Integer d) {
        return d == null ? "–" : d.toString();
    }
}
