package se.jobbtorg.coach.report;

import java.io.IOException;
import java.nio.file.Path;
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

    public IndicatorPdf(I18n i18n) {
        this.i18n = i18n;
    }

    public void write(Indicators.Report r, String unit, Path out) throws IOException {
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
            pdf.gap(10);
            pdf.text(pdf.bold, 12, i18n.get("report.section.volume"));
            figure(
                    pdf,
                    i18n.get("report.enrolled"),
                    Integer.toString(r.enrolled().count()));
            figure(pdf, i18n.get("report.active"), Integer.toString(r.active().count()));
            figure(
                    pdf,
                    i18n.get("pdf.exits"),
                    Integer.toString(r.unknownReason().denominator().count()));
            figure(pdf, i18n.get("report.unknown"), share(r.unknownReason()));
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
                pdf.row(
                        pdf.regular,
                        10,
                        SELF_SUPPORT_COLUMNS,
                        i18n.get("summary.chart.months", at.months()),
                        share(at.shares().get(SelfSupport.CITY)),
                        share(at.shares().get(SelfSupport.STRICT)),
                        at.gap() == null ? "–" : IndicatorTable.percent(at.gap()),
                        Integer.toString(at.notYetMeasurable().count()));
            }
            pdf.gap(8);
            pdf.text(pdf.bold, 12, i18n.get("report.section.process"));
            figure(pdf, i18n.get("report.returns"), Integer.toString(r.returns().count()));
            figure(pdf, i18n.get("report.daysToReturn"), days(r.medianDaysToReturn()));
            figure(pdf, i18n.get("report.daysToPlan"), days(r.medianDaysToApprovedPlan()));
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

    /** "33,3 % (1 av 3)", or a dash when there is nothing to divide. */
    private String share(Indicators.Share s) {
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
