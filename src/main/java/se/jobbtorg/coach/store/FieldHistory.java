package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.FIELD_HEAD;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The versions of each field: which changes are heads (not seen by any later change), which of
 * them is shown, and the values changes carried. The rules of src/docs/caseload-package.md.
 */
public final class FieldHistory {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, List<String>>> BASES = new TypeReference<>() {};

    private final DSLContext dsl;

    public FieldHistory(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The heads of a field: the stored ones when there are several, else worked out from the
     * history: the changes that touched the field and that no other change of it has seen.
     */
    public TreeSet<String> heads(String entity, String recordId, String field) {
        TreeSet<String> heads = new TreeSet<>(dsl.select(FIELD_HEAD.STAMP)
                .from(FIELD_HEAD)
                .where(FIELD_HEAD.ENTITY.eq(entity), FIELD_HEAD.RECORD_ID.eq(recordId), FIELD_HEAD.FIELD.eq(field))
                .fetch(FIELD_HEAD.STAMP));
        if (!heads.isEmpty()) {
            return heads;
        }
        Set<String> seen = new HashSet<>();
        for (var row : dsl.select(CHANGE_LOG.NEW_STAMP, CHANGE_LOG.FIELD_BASES)
                .from(CHANGE_LOG)
                .where(CHANGE_LOG.ENTITY.eq(entity), CHANGE_LOG.RECORD_ID.eq(recordId))
                .and(DSL.condition(
                        "exists (select 1 from json_each({0}) where json_each.value = {1})",
                        CHANGE_LOG.FIELDS, DSL.val(field)))
                .fetch()) {
            heads.add(row.value1());
            seen.addAll(readBases(row.value2()).getOrDefault(field, List.of()));
        }
        TreeSet<String> unseen = new TreeSet<>(heads);
        unseen.removeAll(seen);
        if (unseen.isEmpty() && !heads.isEmpty()) {
            // Only a writer that broke the rules makes every version seen: keep the newest.
            unseen.add(heads.last());
        }
        return unseen;
    }

    /** Keeps rows only for a field with more than one head. */
    public void setHeads(String entity, String recordId, String field, Collection<String> heads) {
        dsl.deleteFrom(FIELD_HEAD)
                .where(FIELD_HEAD.ENTITY.eq(entity), FIELD_HEAD.RECORD_ID.eq(recordId), FIELD_HEAD.FIELD.eq(field))
                .execute();
        if (heads.size() > 1) {
            var insert = dsl.insertInto(
                    FIELD_HEAD, FIELD_HEAD.ENTITY, FIELD_HEAD.RECORD_ID, FIELD_HEAD.FIELD, FIELD_HEAD.STAMP);
            for (String stamp : heads) {
                insert = insert.values(entity, recordId, field, stamp);
            }
            insert.execute();
        }
    }

    /** The value a logged change gave a field. */
    public Object valueAt(String entity, String recordId, String field, String stamp) {
        String values = dsl.select(CHANGE_LOG.FIELD_VALUES)
                .from(CHANGE_LOG)
                .where(CHANGE_LOG.ENTITY.eq(entity), CHANGE_LOG.RECORD_ID.eq(recordId), CHANGE_LOG.NEW_STAMP.eq(stamp))
                .fetchOne(CHANGE_LOG.FIELD_VALUES);
        return values == null ? null : readValues(values).get(field);
    }

    /**
     * The value a field had before the change with this stamp set it: the value of the version
     * the change had seen (its base for the field), or null when it had seen none.
     */
    public Object valueBefore(String entity, String recordId, String field, String stamp) {
        String bases = dsl.select(CHANGE_LOG.FIELD_BASES)
                .from(CHANGE_LOG)
                .where(CHANGE_LOG.ENTITY.eq(entity), CHANGE_LOG.RECORD_ID.eq(recordId), CHANGE_LOG.NEW_STAMP.eq(stamp))
                .fetchOne(CHANGE_LOG.FIELD_BASES);
        List<String> seen = bases == null ? List.of() : readBases(bases).getOrDefault(field, List.of());
        return seen.isEmpty() ? null : valueAt(entity, recordId, field, Collections.max(seen));
    }

    /**
     * The head that is shown: the newest, except that for a sticky field a head with a value
     * beats newer heads that emptied it (so an exit made on one laptop is not undone by an
     * edit made on another that never saw it).
     */
    public static String winner(Collection<String> heads, boolean sticky, Function<String, Object> value) {
        Comparator<String> newest = Comparator.naturalOrder();
        if (sticky && heads.size() > 1) {
            Optional<String> set =
                    heads.stream().filter(h -> value.apply(h) != null).max(newest);
            if (set.isPresent()) {
                return set.get();
            }
        }
        return heads.stream().max(newest).orElse(null);
    }

    /** The creation stamp of a record: its first change, the same on every device. */
    public Optional<String> firstStamp(String entity, String recordId) {
        return dsl.select(DSL.min(CHANGE_LOG.NEW_STAMP))
                .from(CHANGE_LOG)
                .where(CHANGE_LOG.ENTITY.eq(entity), CHANGE_LOG.RECORD_ID.eq(recordId))
                .fetchOptional(0, String.class);
    }

    public static String writeValues(Map<String, Object> values) {
        return write(values);
    }

    public static String writeBases(Map<String, List<String>> bases) {
        return write(bases);
    }

    public static LinkedHashMap<String, Object> readValues(String json) {
        try {
            return json == null ? new LinkedHashMap<>() : JSON.readValue(json, VALUES);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable change values", e);
        }
    }

    public static LinkedHashMap<String, List<String>> readBases(String json) {
        try {
            return json == null ? new LinkedHashMap<>() : JSON.readValue(json, BASES);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable change bases", e);
        }
    }

    static List<String> readFields(String json) {
        try {
            return json == null ? List.of() : List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable change fields", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write change", e);
        }
    }

    /** Values as JSON carries them: integers as long, text as text. */
    public static Object normalise(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return value;
    }

    public static boolean sameValue(Object a, Object b) {
        return Objects.equals(normalise(a), normalise(b));
    }

    static List<String> list(String... stamps) {
        return new ArrayList<>(List.of(stamps));
    }
}
