package se.jobbtorg.coach.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line: a command (none for the window) and its options. */
record Options(String command, Path db, boolean demo, Locale language, List<String> rest, LocalDate from,
        LocalDate to, String unit, String format, Path out, String codes, boolean dryRun, boolean snapshot, Long since,
        String forDevice, Path passphraseFile, String fingerprint, boolean unsigned, Path teamPassphraseFile) {

    static final List<String> COMMANDS = List.of("check", "init", "report", "import", "export", "devices", "admit",
            "withdraw", "team-passphrase");

    /** Parses the arguments; throws IllegalArgumentException with a sentence for the user. */
    static Options parse(String... args) {
        String command = null;
        Path db = null;
        boolean demo = false;
        Locale language = null;
        List<String> rest = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        String unit = null;
        String format = null;
        Path out = null;
        String codes = null;
        boolean dryRun = false;
        boolean snapshot = false;
        Long since = null;
        String forDevice = null;
        Path passphraseFile = null;
        String fingerprint = null;
        boolean unsigned = false;
        Path teamPassphraseFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--db" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--db needs a file path");
                    }
                    db = Path.of(args[++i]);
                }
                case "--demo" -> demo = true;
                case "--from" -> from = date(args, ++i, "--from");
                case "--to" -> to = date(args, ++i, "--to");
                case "--unit" -> unit = value(args, ++i, "--unit");
                case "--format" -> format = value(args, ++i, "--format");
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--codes" -> codes = value(args, ++i, "--codes");
                case "--dry-run" -> dryRun = true;
                case "--snapshot" -> snapshot = true;
                case "--for" -> forDevice = value(args, ++i, "--for");
                case "--passphrase-file" -> passphraseFile = Path.of(value(args, ++i, "--passphrase-file"));
                case "--fingerprint" -> fingerprint = value(args, ++i, "--fingerprint");
                case "--unsigned" -> unsigned = true;
                case "--team-passphrase-file" -> teamPassphraseFile = Path.of(value(args, ++i, "--team-passphrase-file"));
                case "--passphrase" -> throw new IllegalArgumentException(
                        "the passphrase is never an argument (others can read it): use --passphrase-file FILE or standard input");
                case "--since" -> {
                    try {
                        since = Long.parseLong(value(args, ++i, "--since"));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--since takes a sequence number like 120");
                    }
                    if (since < 0) {
                        throw new IllegalArgumentException("--since takes a sequence number like 120");
                    }
                }
                case "--lang" -> {
                    if (i + 1 >= args.length || !List.of("sv", "en").contains(args[i + 1])) {
                        throw new IllegalArgumentException("--lang takes sv or en");
                    }
                    language = Locale.forLanguageTag(args[++i]);
                }
                default -> {
                    if (command == null && rest.isEmpty() && COMMANDS.contains(arg)) {
                        command = arg;
                    } else if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    } else {
                        rest.add(arg);
                    }
                }
            }
        }
        if (snapshot && (since != null || forDevice != null)) {
            throw new IllegalArgumentException("--snapshot excludes --since and --for");
        }
        return new Options(command, db, demo, language, List.copyOf(rest), from, to, unit, format, out, codes, dryRun,
                snapshot, since, forDevice, passphraseFile, fingerprint, unsigned, teamPassphraseFile);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static LocalDate date(String[] args, int i, String option) {
        try {
            return LocalDate.parse(value(args, i, option));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " takes a date like 2026-11-24");
        }
    }
}
