import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Drops other platforms' native libraries from a jar that carries them all, in place:
 * {@code java installer/KeepNatives.java JAR org/sqlite/native/ org/sqlite/native/Linux/x86_64/}
 * keeps only the entries under the first folder that are also under the second. sqlite-jdbc
 * carries SQLite for about twenty platforms (12 MB); an installer is for one.
 * Run by build.sh with the JDK's single-file source launcher, so it works the same on every OS.
 */
public final class KeepNatives {
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java KeepNatives.java JAR NATIVE_FOLDER KEEP_FOLDER");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        String natives = args[1];
        String keep = args[2];
        Path temp = Files.createTempFile(jar.toAbsolutePath().getParent(), "trim", ".jar");
        int dropped = 0;
        boolean kept = false;
        try (InputStream raw = Files.newInputStream(jar); ZipInputStream in = new ZipInputStream(raw);
                OutputStream rawOut = Files.newOutputStream(temp); ZipOutputStream out = new ZipOutputStream(rawOut)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                if (name.startsWith(natives) && !name.startsWith(keep) && !keep.startsWith(name)) {
                    dropped++;
                    continue;
                }
                kept |= name.startsWith(keep) && !e.isDirectory();
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        if (!kept) {
            Files.delete(temp);
            // Another layout (a fork of the driver, say): better a larger installer than none.
            System.err.println("warning: " + jar + " has nothing under " + keep + ": left as it was");
            return;
        }
        Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println(jar.getFileName() + ": " + dropped + " entries of other platforms dropped");
    }
}
