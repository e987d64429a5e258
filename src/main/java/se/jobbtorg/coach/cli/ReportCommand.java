package se.jobbtorg.coach.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.domain.SelfSupport;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.report.IndicatorCsv;
import se.jobbtorg.coach.report.IndicatorPdf;
import se.jobbtorg.coach.report.IndicatorReport;
import se.jobbtorg.coach.report.IndicatorXlsx;
import se.jobbtorg.coach.report.NationalCodesCsv;
import se.jobbtorg.coach.report.WriteProgress;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.WrongPassphraseException;

/**
 * {@code report --db FILE [--from D] [--to D] [--unit U] --format csv|xlsx|pdf [--codes national] [--internal] --out FILE}:
 * the indicators for a period (default: this calendar year), written in Swedish. With
 * {@code --codes national} (CSV only) the file holds exits and activities by Socialstyrelsen's
 * categories (HSLF-FS 2015:30) instead. Prints one line a script can
 * read; exit 0 written, 1 failed, 2 wrong arguments.
 */
public final class ReportCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Path db;
    private final LocalDate from;
    private final LocalDate to;
    private final String unit;
    private final String format;
    private final Path out;
    private final String codes;
    private final Clock clock;
    private final Passphrase passphrase;
    private boolean internal;

    public ReportCommand(
            Path db,
            LocalDate from,
            LocalDate to,
            String unit,
            String format,
            Path out,
            Clock clock,
            Passphrase passphrase) {
        this(db, from, to, unit, format, out, null, clock, passphrase);
    }

    /** codes: null for our own categories, "national" for Socialstyrelsen's (CSV only). */
    public ReportCommand(
            Path db,
            LocalDate from,
            LocalDate to,
            String unit,
            String format,
            Path out,
            String codes,
            Clock clock,
            Passphrase passphrase) {
        this.db = db;
        this.passphrase = passphrase;
        this.codes = codes;
        this.from = from;
        this.to = to;
        this.unit = unit;
        this.format = format;
        this.out = out;
        this.clock = clock;
    }

    /**
     * Keeps counts of 1 to 4 people in the file (for use inside the unit); without it they are
     * written "&lt; 5" (decision 0015).
     */
    public ReportCommand internal(boolean keep) {
        this.internal = keep;
        return this;
    }

    public int run(PrintStream stdout, PrintStream err) {
        if (!List.of("csv", "xlsx", "pdf").contains(format)) {
            err.println("refused reason=format must be csv, xlsx or pdf");
            return USAGE;
        }
        if (codes != null && !"national".equals(codes)) {
            err.println("refused reason=--codes takes national");
            return USAGE;
        }
        if (codes != null && !"csv".equals(format)) {
            err.println("refused reason=--codes national is written as csv only");
            return USAGE;
        }
        if (out == null) {
            err.println("refused reason=--out FILE is needed");
            return USAGE;
        }
        try {
            if (Files.exists(out) && Files.isSameFile(out, db)) {
                err.println("refused reason=--out is the database itself");
                return USAGE;
            }
        } catch (IOException e) {
            err.println("failed reason=" + e.getMessage());
            return FAILED;
        }
        if (DatabaseFile.refused(db, err)) {
            return FAILED;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from != null ? from : today.withDayOfYear(1);
        LocalDate end = to != null ? to : today;
        if (end.isBefore(start)) {
            err.println("refused reason=--to is before --from");
            return USAGE;
        }
        try (Database database = Database.open(db, clock, passphrase)) {
            IndicatorReport indicators = new IndicatorReport(database, clock);
            var computed = indicators.computeWithFacts(start, end, unit);
            var report = computed.report();
            I18n swedish = new I18n(Locale.forLanguageTag("sv-SE"));
            if (codes != null) {
                new NationalCodesCsv(swedish).write(report, unit, out, internal);
            } else if ("csv".equals(format)) {
                new IndicatorCsv(swedish).write(report, unit, out, internal);
            } else if ("xlsx".equals(format)) {
                new IndicatorXlsx(swedish).write(report, computed.facts(), unit, out, internal, WriteProgress.NONE);
            } else {
                new IndicatorPdf(swedish).write(report, unit, out, internal);
            }
            indicators.made(codes != null ? AuditAction.Report.NATIONAL_CODES : AuditAction.Report.INDICATORS);
            var twelve = report.selfSupport().get(2);
            stdout.println("ok out=" + out + " enrolled=" + report.enrolled().count() + " exits="
                    + report.unknownReason().denominator().count() + " selfsupport12_city="
                    + twelve.shares().get(SelfSupport.CITY).numerator().count() + "/"
                    + twelve.cohort().count()
                    + " selfsupport12_strict="
                    + twelve.shares().get(SelfSupport.STRICT).numerator().count() + "/"
                    + twelve.cohort().count()
                    + " small_numbers=" + (internal ? "kept" : "suppressed"));
            return OK;
        } catch (WrongPassphraseException e) {
            err.println("failed file=" + db + " reason=wrong passphrase");
            return FAILED;
        } catch (IOException | RuntimeException e) {
            err.println("failed file=" + db + " reason=" + DatabaseFile.reason(e));
            return FAILED;
        }
    }
}
