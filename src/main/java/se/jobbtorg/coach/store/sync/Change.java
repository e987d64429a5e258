package se.jobbtorg.coach.store.sync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change of one record, as a caseload package carries it: the fields it set with their
 * values, per field the versions its editor had seen (bases), the record's version before
 * (base) and after (stamp), the device it was made on, and whether it deleted the record.
 */
public record Change(
        String entity,
        String recordId,
        String stamp,
        String base,
        String device,
        boolean deleted,
        Map<String, Object> values,
        Map<String, List<String>> bases) {

    public Change {
        Objects.requireNonNull(entity);
        Objects.requireNonNull(recordId);
        Objects.requireNonNull(stamp);
        Objects.requireNonNull(device);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        bases = Map.copyOf(bases);
    }

    /** A change without a base made the record. */
    public boolean creates() {
        return base == null;
    }
}
