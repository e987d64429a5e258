package se.jobbtorg.coach.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where printed papers go: the user's documents folder, under a name not taken yet. */
class UserFoldersTest {
    @TempDir
    Path home;

    @Test
    void aSwedishLinuxDesktopsDocumentsFolderIsTheOneItsUserDirsName() throws Exception {
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(
                home.resolve(".config/user-dirs.dirs"),
                "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Skrivbord\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokument\"\n");
        Files.createDirectories(home.resolve("Dokument"));

        assertEquals(home.resolve("Dokument"), UserFolders.documents("Linux", Map.of(), home));
    }

    @Test
    void elsewhereDocumentsInTheHomeFolderAndTheHomeFolderWhereThereIsNone() throws Exception {
        assertEquals(home, UserFolders.documents("Windows 11", Map.of(), home), "no Documents folder: home");
        Files.createDirectories(home.resolve("Documents"));
        assertEquals(home.resolve("Documents"), UserFolders.documents("Windows 11", Map.of(), home));
        assertEquals(home.resolve("Documents"), UserFolders.documents("Mac OS X", Map.of(), home));
        assertEquals(
                home.resolve("Documents"),
                UserFolders.documents("Linux", Map.of(), home),
                "a Linux desktop without user-dirs");
    }

    @Test
    void aPaperPrintedTwiceTheSameDayKeepsBoth() throws Exception {
        String name = "Aktivitetsplan DP 2026-12-03.pdf";
        assertEquals(home.resolve(name), UserFolders.freeName(home, name));
        Files.writeString(home.resolve(name), "första");
        assertEquals(home.resolve("Aktivitetsplan DP 2026-12-03 (2).pdf"), UserFolders.freeName(home, name));
        Files.writeString(home.resolve("Aktivitetsplan DP 2026-12-03 (2).pdf"), "andra");
        assertEquals(home.resolve("Aktivitetsplan DP 2026-12-03 (3).pdf"), UserFolders.freeName(home, name));
    }
}
