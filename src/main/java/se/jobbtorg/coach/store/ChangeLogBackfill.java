package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Gives change-log rows written before schema version 5 the values sync needs. Their values
 * were not kept, so each record's first change (its creation) is given the record as it stands,
 * every field, and made a creation (no base); its later changes are kept as history without
 * fields. A peer that imports them creates the record whole and then sees the later stamps.
 */
final class ChangeLogBackfill {
    private ChangeLogBackfill() {}

    static void run(Connection connection) throws SQLException {
        DSLContext dsl = DSL.using(connection, SQLDialect.SQLITE);
        if (!dsl.fetchExists(CHANGE_LOG, CHANGE_LOG.FIELD_VALUES.isNull())) {
            return;
        }
        connection.setAutoCommit(false);
        try {
            for (SyncEntities.Entity entity : SyncEntities.all()) {
                for (Record row : dsl.selectFrom(entity.table()).fetch()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    List<String> fields = new ArrayList<>();
                    for (String column : entity.dataColumns()) {
                        Object value = row.get(column);
                        if (value != null) {
                            values.put(column, FieldHistory.normalise(value));
                            fields.add(column);
                        }
                    }
                    String id = row.get(Transaction.ID, String.class);
                    Integer first = dsl.select(DSL.min(CHANGE_LOG.SEQ))
                            .from(CHANGE_LOG)
                            .where(
                                    CHANGE_LOG.ENTITY.eq(entity.name()),
                                    CHANGE_LOG.RECORD_ID.eq(id),
                                    CHANGE_LOG.FIELD_VALUES.isNull())
                            .fetchOne(0, Integer.class);
                    if (first == null) {
                        continue;
                    }
                    dsl.update(CHANGE_LOG)
                            .set(
                                    CHANGE_LOG.FIELDS,
                                    FieldHistory.JSON.valueToTree(fields).toString())
                            .set(CHANGE_LOG.FIELD_VALUES, FieldHistory.writeValues(values))
                            .set(CHANGE_LOG.FIELD_BASES, "{}")
                            .set(CHANGE_LOG.BASE_STAMP, (String) null)
                            .where(CHANGE_LOG.SEQ.eq(first))
                            .execute();
                }
            }
            dsl.update(CHANGE_LOG)
                    .set(CHANGE_LOG.FIELDS, "[]")
                    .set(CHANGE_LOG.FIELD_VALUES, "{}")
                    .set(CHANGE_LOG.FIELD_BASES, "{}")
                    .where(CHANGE_LOG.FIELD_VALUES.isNull())
                    .execute();
            connection.commit();
        } catch (RuntimeException | SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
