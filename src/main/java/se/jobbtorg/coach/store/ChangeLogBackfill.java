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
 * were not kept, so the newest change of each record is given the record as it stands (every
 * field, as if made at once), and the older changes are kept as history without fields.
 */
final class ChangeLogBackfill {
    private ChangeLogBackfill() {
    }

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
                    if (Integer.valueOf(1).equals(row.get(Transaction.DELETED))) {
                        fields.add(Transaction.DELETED);
                        values.put(Transaction.DELETED, 1L);
                    }
                    dsl.update(CHANGE_LOG)
                            .set(CHANGE_LOG.FIELDS, FieldHistory.JSON.valueToTree(fields).toString())
                            .set(CHANGE_LOG.FIELD_VALUES, FieldHistory.writeValues(values))
                            .set(CHANGE_LOG.FIELD_BASES, "{}")
                            .where(CHANGE_LOG.ENTITY.eq(entity.name()),
                                    CHANGE_LOG.RECORD_ID.eq(row.get(Transaction.ID, String.class)),
                                    CHANGE_LOG.NEW_STAMP.eq(row.get(Transaction.VERSION_STAMP, String.class)),
                                    CHANGE_LOG.FIELD_VALUES.isNull())
                            .execute();
                }
            }
            dsl.update(CHANGE_LOG).set(CHANGE_LOG.FIELDS, "[]").set(CHANGE_LOG.FIELD_VALUES, "{}")
                    .set(CHANGE_LOG.FIELD_BASES, "{}").where(CHANGE_LOG.FIELD_VALUES.isNull()).execute();
            connection.commit();
        } catch (RuntimeException | SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
