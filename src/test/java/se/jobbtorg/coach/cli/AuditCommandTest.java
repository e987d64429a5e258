package se.jobbtorg.coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.service.AuditService;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.store.Database;

/** The audit command on a real database, its CSV read back with a CSV parser. */
class AuditCommandTest {
    private static final Clock CLOCK = ReportCommandTest.on("2026-11-24");

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private Run run(AuditCommand command) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = command.run(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesTheEntriesOfOnePersonAsACsvWithIdsOnlyAndIsItselfInTheTrail() throws Exception {
        Path file = dir.resolve("lead.db");
        Participant asa;
        Participant bo;
        Coach me;
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            me = new CoachService(db).setCurrentCoach("Gunilla Gruppledare", "Jobbtorg Kista");
            var caseload = new CaseloadService(db, CLOCK);
            asa = caseload.register(new ParticipantDraft(
                    PersonalIdentityNumber.of(LocalDate.of(1990, 5, 17), 101, false)
                            .display(),
                    "Åsa",
                    "=Öberg",
                    null,
                    null,
                    null));
            bo = caseload.register(new ParticipantDraft(
                    PersonalIdentityNumber.of(LocalDate.of(1990, 5, 17), 102, false)
                            .display(),
                    "Bo",
                    "Ek",
                    null,
                    null,
                    null));
            caseload.open(asa.id());
        }
        Path csv = dir.resolve("trail.csv");
        Run done = run(new AuditCommand(file, asa.id(), null, null, null, csv, CLOCK, TestPassphrase.get()));
        assertEquals(AuditCommand.OK, done.code(), done.err());
        assertTrue(done.out().startsWith("ok out=" + csv + " entries=2"), done.out());

        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            in.read(); // the byte-order mark
            rows = CSVFormat.Builder.create(CSVFormat.EXCEL)
                    .setDelimiter(';')
                    .get()
                    .parse(in)
                    .getRecords();
        }
        assertEquals(
                List.of("Tid", "Användare", "Användar-id"), rows.get(0).toList().subList(0, 3));
        assertEquals(3, rows.size(), "a header and the person's two entries, newest first");
        assertEquals("2026-11-24 11:00:00", rows.get(1).get(0), "Stockholm's time");
        assertEquals("Gunilla Gruppledare", rows.get(1).get(1));
        assertEquals(me.id().toString(), rows.get(1).get(2));
        assertEquals("Öppnade aspirantens sida", rows.get(1).get(6));
        assertEquals("Registrerade aspiranten", rows.get(2).get(6));
        assertEquals(asa.id().toString(), rows.get(2).get(7));
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertFalse(text.contains("Öberg")
                || text.contains("Åsa")
                || text.contains(asa.personalNumber().normalised()));
        assertFalse(text.contains(bo.id().toString()), "another person's entries are not in it");

        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            AuditEntry newest = new AuditService(db, CLOCK)
                    .entries(AuditEntry.Filter.everything(CLOCK.getZone()), 1)
                    .get(0);
            assertEquals(AuditAction.REPORT_MADE, newest.action());
            assertEquals(AuditAction.Report.AUDIT_TRAIL.code(), newest.detail());
            assertEquals(asa.id(), newest.participantId());
        }
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        Run refused = run(new AuditCommand(
                dir.resolve("x.db"),
                null,
                null,
                LocalDate.of(2026, 11, 24),
                LocalDate.of(2026, 11, 1),
                dir.resolve("x.csv"),
                CLOCK,
                TestPassphrase.get()));
        assertEquals(AuditCommand.USAGE, refused.code());
        assertTrue(refused.err().contains("--to is before --from"), refused.err());
    }
}
