package se.jobbtorg.coach.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.service.MissingRecordException;
import se.jobbtorg.coach.store.StoreException;
import se.jobbtorg.coach.ui.common.ErrorSentences;

class ErrorSentencesTest {

    @Test
    void aFileOpenInExcelOrAPlaceOneMayNotWriteToIsSaidSo() {
        assertEquals("error.fileLocked", ErrorSentences.keyFor(new AccessDeniedException("C:\\rapporter\\indikatorer.xlsx")));
        // What Windows says when Excel holds the file, wrapped as a background task hands it on.
        assertEquals("error.fileLocked", ErrorSentences.keyFor(new RuntimeException(new FileSystemException(
                "indikatorer.xlsx", null, "The process cannot access the file because it is being used by another process"))));
    }

    @Test
    void aFullDiskIsSaidSo() {
        assertEquals("error.diskFull", ErrorSentences.keyFor(new UncheckedIOException(new IOException("No space left on device"))));
        assertEquals("error.diskFull", ErrorSentences.keyFor(new IOException("There is not enough space on the disk")));
    }

    @Test
    void theDatabaseFailingAndARecordGoneAreToldApart() {
        assertEquals("error.store", ErrorSentences.keyFor(new StoreException("write failed",
                new SQLException("database is locked"))));
        // A full disk under the database is still a full disk: the user can do something about it.
        assertEquals("error.diskFull", ErrorSentences.keyFor(new StoreException("write failed",
                new SQLException("[SQLITE_FULL] Insertion failed because database is full (database or disk is full): No space left on device"))));
        assertEquals("error.missingRecord", ErrorSentences.keyFor(new MissingRecordException("no enrolment")));
    }

    @Test
    void anythingElseIsTheGeneralSentence() {
        assertNull(ErrorSentences.keyFor(new IllegalStateException("write inside a write")));
        assertNull(ErrorSentences.keyFor(new FileSystemException("x", null, "Read-only file system but worded otherwise")));
    }
}
