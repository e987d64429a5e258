package se.jobbtorg.coach.store;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The grep of issue 10: what a person who finds the laptop reads with {@code strings} or a hex
 * editor. Every regular file under a folder, byte for byte, for each text in UTF-8 (SQLite's
 * encoding) and UTF-16 (the other encodings SQLite can store text in).
 */
final class DiskBytes {
    private static final List<Charset> ENCODINGS =
            List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    /** A text found in a file. */
    record Hit(Path file, String text) {
        @Override
        public String toString() {
            return file.getFileName() + " holds \"" + text + "\"";
        }
    }

    private DiskBytes() {}

    /** Every regular file under the folder (backups, logs, locks, sidecar files included). */
    static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Each text found in any file under the folder, in any of the encodings. */
    static List<Hit> find(Path folder, Collection<String> texts) throws IOException {
        return find(filesUnder(folder), texts);
    }

    static List<Hit> find(List<Path> files, Collection<String> texts) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (String text : texts) {
                for (Charset encoding : ENCODINGS) {
                    if (indexOf(bytes, text.getBytes(encoding)) >= 0) {
                        hits.add(new Hit(file, text));
                        break;
                    }
                }
            }
        }
        return hits;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
