package se.jobbtorg.coach.ui.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.EnrolmentFacts;
import se.jobbtorg.coach.domain.Indicators;
import se.jobbtorg.coach.domain.PeriodPreset;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.report.IndicatorCsv;
import se.jobbtorg.coach.report.IndicatorPdf;
import se.jobbtorg.coach.report.IndicatorReport;
import se.jobbtorg.coach.report.IndicatorTable;
import se.jobbtorg.coach.report.IndicatorXlsx;
import se.jobbtorg.coach.report.NationalCodesCsv;
import se.jobbtorg.coach.report.WriteProgress;
import se.jobbtorg.coach.ui.common.FileExport;
import se.jobbtorg.coach.ui.common.TaskRunner;

/** The team lead's summary: a period and a unit in, the indicators out, and the CSV export. */
public final class SummaryViewModel {
    private final IndicatorReport report;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Consumer<Throwable> onError;
    /** A failed export and the file it was writing (a full disk is recognised by the file's disk). */
    private final BiConsumer<Throwable, Path> onSaveError;
    /** What the shown figures were computed from: exports label and base themselves on this. */
    private IndicatorReport.Computed computed;

    private long requests;
    private final FileExport export;

    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    /** Empty for every unit. */
    final StringProperty unit = new SimpleStringProperty("");

    final ObservableList<String> units = FXCollections.observableArrayList();
    /** The exports keep counts of 1 to 4 people (for use inside the unit); off: "< 5" (decision 0015). */
    final BooleanProperty internal = new SimpleBooleanProperty(false);

    private final ObjectProperty<Indicators.Report> result = new SimpleObjectProperty<>();
    private final ObservableList<IndicatorTable.Row> rows = FXCollections.observableArrayList();

    public SummaryViewModel(
            IndicatorReport report,
            TaskRunner tasks,
            I18n i18n,
            Consumer<Throwable> onError,
            BiConsumer<Throwable, Path> onSaveError) {
        this.report = report;
        this.tasks = tasks;
        this.i18n = i18n;
        this.onError = onError;
        this.onSaveError = onSaveError;
        this.export = new FileExport(tasks);
        LocalDate today = report.today();
        from.set(today.withDayOfYear(1).minusYears(1));
        to.set(today);
    }

    public ObjectProperty<Indicators.Report> resultProperty() {
        return result;
    }

    public ObservableList<IndicatorTable.Row> rows() {
        return rows;
    }

    /** Sets the period's dates to the preset's, counted from today; the figures wait for Compute. */
    public void preset(PeriodPreset preset) {
        if (preset != null) {
            var period = preset.period(report.today());
            from.set(period.from());
            to.set(period.to());
        }
    }

    /** The preset the dates now make, if any. */
    public PeriodPreset preset() {
        return from.get() == null || to.get() == null ? null : PeriodPreset.of(from.get(), to.get(), report.today());
    }

    private String unitOrNull() {
        return unit.get() == null || unit.get().isBlank() ? null : unit.get();
    }

    /** Computes off the FX thread; a period that ends before it starts is swapped, not refused. */
    public void compute() {
        LocalDate a = from.get() == null ? report.today().withDayOfYear(1) : from.get();
        LocalDate b = to.get() == null ? report.today() : to.get();
        LocalDate start = a.isAfter(b) ? b : a;
        LocalDate end = a.isAfter(b) ? a : b;
        String chosen = unitOrNull();
        long asked = ++requests;
        tasks.run(
                () -> report.computeWithFacts(start, end, chosen),
                done -> {
                    if (asked != requests) {
                        return; // a newer question was asked meanwhile
                    }
                    computed = done;
                    result.set(done.report());
                    rows.setAll(new IndicatorTable(i18n).rows(done.report()));
                },
                onError);
        tasks.run(report::units, list -> units.setAll(list), onError);
    }

    /** The people behind a figure, read off the FX thread (a counted figure reads its enrolments then). */
    public void behind(Indicators.Figure figure, Consumer<List<IndicatorReport.Line>> show) {
        tasks.run(() -> report.behind(figure.enrolments()), show, onError);
    }

    /** The export under way, if any: its file, how far it has come, and its cancel. */
    public FileExport export() {
        return export;
    }

    /** Writes the shown indicators as XLSX with the enrolments they were counted from; then reports where. */
    public void exportXlsx(Path file, Consumer<Path> done) {
        export(
                file,
                done,
                AuditAction.Report.INDICATORS,
                (c, progress) ->
                        new IndicatorXlsx(i18n).write(c.report(), c.facts(), c.unit(), file, c.internal(), progress));
    }

    /** Writes the one-page PDF summary of the shown indicators; then reports where. */
    public void exportPdf(Path file, Consumer<Path> done) {
        export(
                file,
                done,
                AuditAction.Report.INDICATORS,
                (c, progress) -> new IndicatorPdf(i18n).write(c.report(), c.unit(), file, c.internal()));
    }

    /** Writes the shown indicators as CSV; then reports where. */
    public void exportCsv(Path file, Consumer<Path> done) {
        export(
                file,
                done,
                AuditAction.Report.INDICATORS,
                (c, progress) -> new IndicatorCsv(i18n).write(c.report(), c.unit(), file, c.internal()));
    }

    /** Writes the shown exits and activities by Socialstyrelsen's categories as CSV; then reports where. */
    public void exportNationalCsv(Path file, Consumer<Path> done) {
        export(
                file,
                done,
                AuditAction.Report.NATIONAL_CODES,
                (c, progress) -> new NationalCodesCsv(i18n).write(c.report(), c.unit(), file, c.internal()));
    }

    /** What an export writes: the figures shown, and whether small numbers stay in (asked when it starts). */
    private record Shown(IndicatorReport.Computed computed, boolean internal) {
        Indicators.Report report() {
            return computed.report();
        }

        String unit() {
            return computed.unit();
        }

        List<EnrolmentFacts> facts() {
            return computed.facts();
        }
    }

    private interface Writer {
        void write(Shown shown, WriteProgress progress) throws IOException;
    }

    /**
     * Exports what is shown, labelled with the unit it was computed for, whatever the box says now.
     * One export at a time; a cancel stops it at the next step it reports, the file left as it was.
     */
    private void export(Path file, Consumer<Path> done, AuditAction.Report kind, Writer writer) {
        if (computed == null || export.isRunning()) {
            return;
        }
        Shown shown = new Shown(computed, internal.get());
        export.job(file, progress -> {
                    // The short writers tell nothing on their way: the bar shows the start and the end.
                    progress.report(0, 1);
                    writer.write(shown, (at, of) -> {
                        progress.report(at, of);
                        // At the last step the file is already in place: too late to leave the old one.
                        if (progress.isCancelled() && at < of) {
                            throw new CancellationException();
                        }
                    });
                    report.made(kind);
                    progress.report(1, 1);
                    return file;
                })
                .onSuccess(done::accept)
                .onFailure(e -> onSaveError.accept(e, file))
                .start();
    }
}
