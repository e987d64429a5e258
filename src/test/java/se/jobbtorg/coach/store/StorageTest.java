package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {
    @TempDir
    Path dir;

    @Test
    void aLocalFolderIsLocalEvenBeforeTheFileExists() {
        assertFalse(Storage.isNetwork(dir.resolve("not/yet/caseload.db")));
    }

    @Test
    void networkFileSystemsAreRecognised() {
        assertTrue(Storage.isNetworkType("nfs4"));
        assertTrue(Storage.isNetworkType("CIFS"));
        assertTrue(Storage.isNetworkType("smbfs"));
        assertFalse(Storage.isNetworkType("ext4"));
        assertFalse(Storage.isNetworkType("NTFS"));
    }
}
