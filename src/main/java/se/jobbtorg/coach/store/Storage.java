package se.jobbtorg.coach.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Where a database file lives. SQLite's WAL mode needs a local disk (shared memory, locks). */
public final class Storage {
    private static final Set<String> NETWORK = Set.of(
            "nfs",
            "nfs4",
            "cifs",
            "smb",
            "smb2",
            "smb3",
            "smbfs",
            "afpfs",
            "webdav",
            "davfs",
            "fuse.sshfs",
            "sshfs",
            "9p",
            "fuse.rclone",
            "fuse.s3fs");

    private Storage() {}

    /** True if the file (or the folder it will be made in) is on a network or remote file system. */
    public static boolean isNetwork(Path file) {
        Path p = file.toAbsolutePath();
        if (p.toString().startsWith("\\\\")) {
            return true; // a Windows UNC path: \\server\share
        }
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return false;
        }
        try {
            return isNetworkType(Files.getFileStore(p).type());
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isNetworkType(String type) {
        return NETWORK.contains(type.toLowerCase(Locale.ROOT));
    }
}
