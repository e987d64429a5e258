package se.jobbtorg.coach.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVPrinter;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry;
import se.jobbtorg.coach.domain.Coded;
import se.jobbtorg.coach.i18n.I18n;

/**
 * The audit trail as a CSV, in the form of the other CSVs here: one row per entry, newest first,
 * with the user's name beside their id and the device's name beside its id. Like the trail, it
 * names people by id only.
 */
public final class AuditCsv {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final I18n i18n;

    public AuditCsv(I18n i18n) {
        this.i18n = i18n;
    }

    /** Writes the file whole or not at all. */
    public void write(
            List<AuditEntry> entries,
            Function<UUID, String> userNames,
            UnaryOperator<String> deviceNames,
            ZoneId zone,
            Path out)
            throws IOException {
        IndicatorCsv.writeWhole(out, writer -> {
            CSVPrinter csv = new CSVPrinter(writer, IndicatorCsv.format());
            csv.printRecord(
                    i18n.get("audit.column.at"),
                    i18n.get("audit.column.user"),
                    i18n.get("audit.column.userId"),
                    i18n.get("audit.column.device"),
                    i18n.get("audit.column.deviceId"),
                    i18n.get("audit.column.kind"),
                    i18n.get("audit.column.action"),
                    i18n.get("audit.column.participantId"),
                    i18n.get("audit.column.enrolmentId"),
                    i18n.get("audit.column.recordId"),
                    i18n.get("audit.column.detail"));
            for (AuditEntry e : entries) {
                csv.printRecord(
                        TIME.format(e.at().atZone(zone)),
                        IndicatorCsv.safe(e.userId() == null ? "" : userNames.apply(e.userId())),
                        text(e.userId()),
                        IndicatorCsv.safe(deviceNames.apply(e.deviceId())),
                        e.deviceId(),
                        kind(i18n, e.action().kind()),
                        action(i18n, e.action()),
                        text(e.participantId()),
                        text(e.enrolmentId()),
                        text(e.recordId()),
                        IndicatorCsv.safe(detail(i18n, e)));
            }
            csv.flush();
        });
    }

    /** An action's name on screen and in files. */
    public static String action(I18n i18n, AuditAction action) {
        return i18n.get("audit.action." + action.code());
    }

    public static String kind(I18n i18n, AuditAction.Kind kind) {
        return i18n.get("audit.kind." + kind.name().toLowerCase(Locale.ROOT));
    }

    /** The detail: a report's name for a report, else the code or id as it is. */
    public static String detail(I18n i18n, AuditEntry e) {
        if (e.detail() == null) {
            return "";
        }
        if (e.action() == AuditAction.REPORT_MADE) {
            try {
                return i18n.get("audit.report."
                        + Coded.ofCode(AuditAction.Report.class, e.detail()).code());
            } catch (IllegalArgumentException unknown) {
                return e.detail();
            }
        }
        return e.detail();
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }
}
