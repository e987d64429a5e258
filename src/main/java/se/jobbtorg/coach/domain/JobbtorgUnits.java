package se.jobbtorg.coach.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Jobbtorg units a coach can belong to, each with the address a person is given on their
 * plan. A coach chooses their unit from this list, not by typing it, so that every paper and
 * every figure names a unit the same way.
 *
 * <p>The list is a small text file, one unit per line: the name, a tab, the address (may be
 * empty); lines starting with # are comments. The program carries the units named in the
 * proposal that started Jobbtorg (Vantör, Kista, Skärholmen, Vällingby, Kungsholmen), without
 * addresses; the city keeps the real list, addresses included, in {@code jobbtorg-units.tsv} in
 * the program's data folder, which is read instead when it is there (no new release needed when a
 * unit moves).
 */
public record JobbtorgUnits(List<Unit> units) {
    public static final String FILE_NAME = "jobbtorg-units.tsv";

    /** One unit; address empty when the list does not give one. */
    public record Unit(String name, String address) {}

    public JobbtorgUnits {
        units = List.copyOf(units);
    }

    /** The list the program carries. */
    public static JobbtorgUnits builtIn() {
        try (InputStream in = JobbtorgUnits.class.getResourceAsStream("/" + FILE_NAME)) {
            if (in == null) {
                throw new IllegalStateException("the program's unit list is missing: " + FILE_NAME);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list in the file format above; blank lines and comments skipped, names stripped. */
    public static JobbtorgUnits read(Reader in) throws IOException {
        List<Unit> units = new ArrayList<>();
        BufferedReader lines = new BufferedReader(in);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String name = (tab < 0 ? line : line.substring(0, tab)).strip();
            String address = tab < 0 ? "" : line.substring(tab + 1).strip();
            if (!name.isEmpty()) {
                units.add(new Unit(name, address));
            }
        }
        return new JobbtorgUnits(units);
    }

    public List<String> names() {
        return units.stream().map(Unit::name).toList();
    }

    /** The unit's address, if the list has the unit and gives one. */
    public Optional<String> addressOf(String unit) {
        return units.stream()
                .filter(u -> u.name().equals(unit))
                .map(Unit::address)
                .filter(a -> !a.isBlank())
                .findFirst();
    }
}
