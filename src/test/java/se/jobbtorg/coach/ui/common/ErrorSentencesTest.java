package se.jobbtorg.coach.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.service.MissingRecordException;
import se.jobbtorg.coach.store.StoreException;

/** The sentence a user reads is chosen by what failed and where, in whatever language the system speaks. */
class ErrorSentencesTest {
    private static final ToLongFunction<Path> FULL = p -> 0;
    private static final ToLongFunction<Path> PLENTY = p -> 50L * 1024 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aPlaceOneMayNotWriteToIsSaidSo() {
        assertEquals(
                "error.fileLocked",
                ErrorSentences.keyFor(new AccessDeniedException("C:\\rapporter\\indikatorer.xlsx")));
    }

    @Test
    void aFileExcelHoldsIsSaidSoOnASwedishWindows() throws IOException {
        Path report = Files.writeString(dir.resolve("indikatorer.xlsx"), "the last export");
        // What a Swedish Windows says when Excel holds the file, wrapped as a background task hands it on.
        var held = new RuntimeException(new FileSystemException(
                report.toString(), null, "Processen kan inte komma åt filen eftersom den används av en annan process"));
        assertEquals("error.fileLocked", ErrorSentences.keyFor(held, null, PLENTY));
    }

    @Test
    void aFileThisProgramHoldsLockedIsSaidSo() throws IOException {
        Path file = Files.writeString(dir.resolve("kalender.ics"), "");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            assertTrue(lock.isValid());
            OverlappingFileLockException again = assertThrows(OverlappingFileLockException.class, channel::tryLock);
            assertEquals("error.fileLocked", ErrorSentences.keyFor(new UncheckedIOException(new IOException(again))));
        }
    }

    @Test
    void aFullDiskIsSaidSoByItsFreeSpaceNotItsWords() {
        Path target = dir.resolve("indikatorer.pdf");
        // The file could not even be created: the failure names it.
        assertEquals(
                "error.diskFull",
                ErrorSentences.keyFor(
                        new FileSystemException(
                                target.toString(), null, "Det finns inte tillräckligt med utrymme på disken"),
                        null,
                        FULL));
        // The write failed half-way: the failure names no file, the one saving knows where it wrote.
        IOException halfway = new IOException("Det finns inte tillräckligt med utrymme på disken");
        assertEquals("error.diskFull", ErrorSentences.keyFor(new UncheckedIOException(halfway), target, FULL));
        assertNull(ErrorSentences.keyFor(halfway, target, PLENTY));
        assertNull(ErrorSentences.keyFor(halfway, null, FULL));
    }

    @Test
    void theEnglishWordsStillCountWhereNothingElseIsKnown() {
        assertEquals(
                "error.diskFull",
                ErrorSentences.keyFor(new UncheckedIOException(new IOException("No space left on device"))));
        assertEquals("error.diskFull", ErrorSentences.keyFor(new IOException("There is not enough space on the disk")));
    }

    @Test
    void anythingElseIsTheGeneralSentence() {
        assertNull(ErrorSentences.keyFor(new IllegalStateException("write inside a write")));
        // A file that is not there is not held by anyone; nor is a folder.
        assertNull(ErrorSentences.keyFor(
                new FileSystemException(
                        dir.resolve("x").toString(), null, "Read-only file system but worded otherwise"),
                null,
                PLENTY));
        assertNull(
                ErrorSentences.keyFor(new FileSystemException(dir.toString(), null, "Is a directory"), null, PLENTY));
        // The USB stick was pulled out: the folder is gone, and that is not a lock.
        assertNull(ErrorSentences.keyFor(
                new NoSuchFileException(dir.resolve("E:/paket").toString()), null, PLENTY));
        // A failure with no file and no target says nothing about a disk, whatever the free space.
        assertNull(ErrorSentences.keyFor(new IllegalArgumentException("bad"), dir, FULL));
    }

    @Test
    void theDatabaseFailingAndARecordGoneAreToldApart() {
        assertEquals(
                "error.store",
                ErrorSentences.keyFor(
                        new StoreException("write failed", new SQLException("database is locked", null, 5))));
        // A full disk under the database is still a full disk: the user can do something about it.
        // Told by SQLite's result code, not by the English words of the message.
        assertEquals(
                "error.diskFull",
                ErrorSentences.keyFor(new StoreException(
                        "write failed", new SQLException("[SQLITE_FULL] databasen är full", null, 13))));
        assertEquals("error.missingRecord", ErrorSentences.keyFor(new MissingRecordException("no enrolment")));
        assertNull(ErrorSentences.keyFor(new IllegalStateException("write inside a write")));
    }
}
