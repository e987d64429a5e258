package se.jobbtorg.coach.store.sync;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.FIELD_HEAD;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.store.FieldHistory;
import se.jobbtorg.coach.store.StoreException;
import se.jobbtorg.coach.store.SyncEntities.Entity;

/**
 * What a new device needs of a record's history, for a snapshot (src/docs/caseload-package.md,
 * Snapshots carry current versions): every change still travels, so a device that has it will
 * know it again when it comes by another way, but a change carries only the values of the fields
 * it is still a head of (the value shown, or one still in conflict). Superseded values, such as
 * a corrected name, stay on this device.
 *
 * <p>Three things keep the receiver's merge what it would have been with the whole history:
 * <ul>
 *   <li>A head carries, as the bases of its field, every version of that field it descends from
 *       (its bases, their bases, and so on), since the changes between carry no values there:
 *       a receiver that already held one of those versions sees it superseded, as here.
 *   <li>A creation must make the whole record, so it keeps each field it set: its own value
 *       where it is still a head, else the value shown now (left out if that is empty). The heads
 *       of such a field name the creation in their bases, so it is never a head over there.
 *   <li>A participant's creation keeps the personal identity number as registered: every
 *       device derives the registered number from it, the key of "one person, one record".
 * </ul>
 */
final class CurrentVersions {
    /** Fields whose value at creation every device derives something from: they travel as created. */
    private static final Map<String, Set<String>> KEPT_AS_CREATED = Map.of("participant", Set.of("personal_number"));

    private CurrentVersions() {}

    /** The page's changes, in the same order, each with only the values a new device needs. */
    static List<Change> of(DSLContext dsl, Entity entity, List<Change> page) {
        Set<String> ids = new LinkedHashSet<>();
        page.forEach(c -> ids.add(c.recordId()));
        // Most records have one change (append-only entities always): that change is the head
        // of everything it set, and travels as it is. Counting is an index-only look.
        List<String> several = dsl.select(CHANGE_LOG.RECORD_ID)
                .from(CHANGE_LOG)
                .where(CHANGE_LOG.ENTITY.eq(entity.name()), CHANGE_LOG.RECORD_ID.in(ids))
                .groupBy(CHANGE_LOG.RECORD_ID)
                .having(DSL.count().gt(1))
                .fetch(CHANGE_LOG.RECORD_ID);
        if (several.isEmpty()) {
            return page;
        }
        Map<String, History> histories = new HashMap<>();
        several.forEach(id -> histories.put(id, new History(entity)));
        dsl.select(
                        CHANGE_LOG.RECORD_ID,
                        CHANGE_LOG.NEW_STAMP,
                        CHANGE_LOG.BASE_STAMP,
                        CHANGE_LOG.FIELDS,
                        CHANGE_LOG.FIELD_VALUES,
                        CHANGE_LOG.FIELD_BASES)
                .from(CHANGE_LOG)
                .where(CHANGE_LOG.ENTITY.eq(entity.name()), CHANGE_LOG.RECORD_ID.in(several))
                .forEach(r -> histories
                        .get(r.value1())
                        .add(
                                r.value2(),
                                r.value3(),
                                fields(r.value4()),
                                FieldHistory.readValues(r.value5()),
                                FieldHistory.readBases(r.value6())));
        dsl.select(FIELD_HEAD.RECORD_ID, FIELD_HEAD.FIELD, FIELD_HEAD.STAMP)
                .from(FIELD_HEAD)
                .where(FIELD_HEAD.ENTITY.eq(entity.name()), FIELD_HEAD.RECORD_ID.in(several))
                .forEach(r -> histories.get(r.value1()).storedHead(r.value2(), r.value3()));
        List<Change> result = new ArrayList<>(page.size());
        for (Change c : page) {
            History h = histories.get(c.recordId());
            result.add(h == null ? c : h.slim(c));
        }
        return result;
    }

    private static List<String> fields(String json) {
        try {
            return json == null ? List.of() : List.of(FieldHistory.JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable change fields", e);
        }
    }

    /** One logged change, as far as the versions of its fields go. */
    private record Logged(
            String base, List<String> fields, Map<String, Object> values, Map<String, List<String>> bases) {}

    /** The whole history of one record: the rule of FieldHistory.heads, in memory. */
    private static final class History {
        private final Entity entity;
        private final Map<String, Logged> changes = new HashMap<>();
        private final Map<String, TreeSet<String>> stored = new HashMap<>();
        private final Map<String, TreeSet<String>> heads = new HashMap<>();

        History(Entity entity) {
            this.entity = entity;
        }

        void add(
                String stamp,
                String base,
                List<String> fields,
                Map<String, Object> values,
                Map<String, List<String>> bases) {
            changes.put(stamp, new Logged(base, fields, values, bases));
        }

        void storedHead(String field, String stamp) {
            stored.computeIfAbsent(field, f -> new TreeSet<>()).add(stamp);
        }

        /** As FieldHistory.heads: the stored heads while there are several, else those no change of the field has seen. */
        TreeSet<String> heads(String field) {
            return heads.computeIfAbsent(field, f -> {
                if (stored.containsKey(f)) {
                    return stored.get(f);
                }
                TreeSet<String> touched = new TreeSet<>();
                Set<String> seen = new LinkedHashSet<>();
                changes.forEach((stamp, c) -> {
                    if (c.fields().contains(f)) {
                        touched.add(stamp);
                        seen.addAll(c.bases().getOrDefault(f, List.of()));
                    }
                });
                TreeSet<String> unseen = new TreeSet<>(touched);
                unseen.removeAll(seen);
                if (unseen.isEmpty() && !touched.isEmpty()) {
                    unseen.add(touched.last());
                }
                return unseen;
            });
        }

        private Object valueAt(String stamp, String field) {
            Logged c = changes.get(stamp);
            return c == null ? null : c.values().get(field);
        }

        /** The value shown now: the winning head's. */
        private Object shown(String field) {
            String winner = FieldHistory.winner(heads(field), entity.sticky().contains(field), h -> valueAt(h, field));
            return winner == null ? null : valueAt(winner, field);
        }

        /** Every version of the field a head descends from: its bases, theirs, and so on. */
        private Set<String> ancestors(String head, String field) {
            Set<String> found = new TreeSet<>();
            Deque<String> todo = new ArrayDeque<>(bases(head, field));
            while (!todo.isEmpty()) {
                String stamp = todo.pop();
                if (!stamp.equals(head) && found.add(stamp)) {
                    todo.addAll(bases(stamp, field));
                }
            }
            return found;
        }

        /** The versions of a field a change saw, counted (as FieldHistory does) only if it set the field. */
        private List<String> bases(String stamp, String field) {
            Logged c = changes.get(stamp);
            return c == null || !c.fields().contains(field)
                    ? List.of()
                    : c.bases().getOrDefault(field, List.of());
        }

        Change slim(Change c) {
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, List<String>> bases = new LinkedHashMap<>();
            for (var field : c.values().entrySet()) {
                String f = field.getKey();
                boolean head = heads(f).contains(c.stamp());
                if (c.creates()) {
                    if (head
                            || KEPT_AS_CREATED
                                    .getOrDefault(entity.name(), Set.of())
                                    .contains(f)) {
                        values.put(f, field.getValue());
                    } else if (shown(f) != null) {
                        values.put(f, shown(f));
                    }
                    if (values.containsKey(f) && c.bases().containsKey(f)) {
                        bases.put(f, c.bases().get(f));
                    }
                } else if (head) {
                    values.put(f, field.getValue());
                    Set<String> seen = ancestors(c.stamp(), f);
                    changes.forEach((stamp, other) -> {
                        // A creation not a head of a field it set carries it still (see above):
                        // the heads say they saw it, so it stays superseded over there too.
                        if (other.base() == null && other.values().containsKey(f) && !heads(f).contains(stamp)) {
                            seen.add(stamp);
                        }
                    });
                    if (!seen.isEmpty()) {
                        bases.put(f, List.copyOf(seen));
                    }
                }
            }
            return new Change(c.entity(), c.recordId(), c.stamp(), c.base(), c.device(), c.deleted(), values, bases);
        }
    }
}
