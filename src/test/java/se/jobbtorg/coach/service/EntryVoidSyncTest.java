package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.sync.PackageRefusedException;

/** A void travels in packages like the meeting it names; one naming a meeting the receiver lacks is an orphan. */
class EntryVoidSyncTest extends SyncFixture {

    private Meeting plannedAndVoided(Device a, Enrolment e) {
        Meeting m = a.workflow.recordMeeting(new MeetingDraft(
                e.id(),
                null,
                TODAY.plusDays(2).atTime(13, 0),
                MeetingKind.PHONE,
                null,
                MeetingOutcome.PLANNED,
                null,
                false,
                null,
                null,
                null,
                null));
        a.workflow.voidMeeting(m.id(), "Fel deltagare", a.coach.id());
        return m;
    }

    @Test
    void aVoidTravelsWithItsReasonAndTheMeetingCountsNowhereOnTheOtherLaptop() throws IOException {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        Enrolment e = a.enrol(a.register("Amina", "Yusuf", number(123)));
        Meeting m = plannedAndVoided(a, e);

        b.importFrom(a.exportFor(b));

        var work = b.workflow.work(e.id());
        assertEquals(List.of(), work.meetings());
        assertEquals(List.of(m), work.meetingHistory());
        EntryVoid there = work.voidOf(m.id()).orElseThrow();
        assertEquals("Fel deltagare", there.reason());
        assertEquals(a.coach.id(), there.coachId());
    }

    @Test
    void aVoidOfAMeetingTheReceiverDoesNotHaveIsRefusedAsAnOrphan() throws IOException {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        Enrolment e = a.enrol(a.register("Amina", "Yusuf", number(123)));
        plannedAndVoided(a, e);
        Path good = b.plain(a.exportSnapshot());
        b.sync.team().admitUnsigned(a.sync.deviceId(), "linnea");
        String before = b.checksum();

        Path bad = withoutMeetings(good);

        PackageRefusedException refused = assertThrows(PackageRefusedException.class, () -> b.importFrom(bad));
        assertEquals("orphan", refused.reason());
        assertTrue(refused.getMessage().contains("entry_void"), refused.getMessage());
        assertEquals(before, b.checksum(), "nothing of it imported");
    }

    /** The package with its meetings taken out (and unsigned, as another system might write it). */
    private Path withoutMeetings(Path good) throws IOException {
        Path bad = dir.resolve("no-meetings.caseload.zip");
        try (ZipFile in = new ZipFile(good.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                String text = new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                if (name.equals("signature.json")) {
                    continue;
                }
                if (name.equals("meetings.jsonl")) {
                    text = "";
                }
                if (name.equals("manifest.json")) {
                    text = text.replace("\"meeting\" : 1", "\"meeting\" : 0")
                            .replaceAll("(\"meetings\\.jsonl\" : \")[0-9a-f]{64}", "$1" + sha256(""));
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bad;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
