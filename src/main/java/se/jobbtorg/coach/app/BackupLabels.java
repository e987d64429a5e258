package se.jobbtorg.coach.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.jobbtorg.coach.i18n.I18n;

/**
 * A backup as the user reads it in the restore list: "2026-11-24 kl. 09:12:05 (daglig)". To the
 * second, so two backups of one minute (two restores) stay two lines.
 */
final class BackupLabels {
    private static final Pattern NAME = Pattern.compile(".*-(\\d{8}-\\d{6})-([a-z0-9-]+?)(-\\d+)?\\.db");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private BackupLabels() {}

    static String label(Path backup, I18n i18n) {
        Matcher m = NAME.matcher(backup.getFileName().toString());
        if (!m.matches()) {
            return backup.getFileName().toString();
        }
        LocalDateTime taken = LocalDateTime.parse(m.group(1), STAMP);
        String reason = m.group(2);
        String key;
        if (reason.equals("daily")) {
            key = "restore.reason.daily";
        } else if (reason.equals("import")) {
            key = "restore.reason.import";
        } else if (reason.matches("v\\d+")) {
            key = "restore.reason.migration";
        } else if (reason.equals("before-restore")) {
            key = "restore.reason.restore";
        } else if (reason.equals("replaced")) {
            key = "restore.reason.replaced";
        } else if (reason.equals("encrypted")) {
            key = "restore.reason.encrypted";
        } else {
            key = "restore.reason.other";
        }
        LocalDate day = taken.toLocalDate();
        return i18n.get(
                "restore.label",
                i18n.date(day),
                taken.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                i18n.get(key));
    }
}
