package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.COACH;
import static se.jobbtorg.coach.store.generated.Tables.LOCAL_STATE;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.store.generated.tables.records.CoachRecord;

/** Coaches, and which of them uses this database (a local setting, never synced). */
public final class CoachRepository {
    private static final String KEY_CURRENT_COACH = "current_coach";
    private final Database db;

    public CoachRepository(Database db) {
        this.db = db;
    }

    public boolean save(Transaction tx, Coach coach) {
        return tx.save(record(tx.dsl(), coach));
    }

    static CoachRecord record(DSLContext dsl, Coach coach) {
        CoachRecord r = dsl.newRecord(COACH);
        r.setId(coach.id().toString());
        r.setName(coach.name());
        r.setUnit(coach.unit());
        r.setDeleted(0);
        return r;
    }

    public List<Coach> all() {
        return db.read(dsl -> dsl.selectFrom(COACH)
                .where(COACH.DELETED.eq(0))
                .orderBy(COACH.NAME)
                .fetch(CoachRepository::toDomain));
    }

    public Optional<Coach> current() {
        return db.read(dsl -> dsl.select(COACH.fields())
                .from(COACH)
                .join(LOCAL_STATE)
                .on(LOCAL_STATE.KEY.eq(KEY_CURRENT_COACH), LOCAL_STATE.VALUE.eq(COACH.ID))
                .fetchOptional(r -> toDomain(r.into(COACH))));
    }

    public void setCurrent(Transaction tx, UUID coachId) {
        tx.dsl()
                .insertInto(LOCAL_STATE)
                .set(LOCAL_STATE.KEY, KEY_CURRENT_COACH)
                .set(LOCAL_STATE.VALUE, coachId.toString())
                .onConflict(LOCAL_STATE.KEY)
                .doUpdate()
                .set(LOCAL_STATE.VALUE, coachId.toString())
                .execute();
    }

    static Coach toDomain(CoachRecord r) {
        return new Coach(UUID.fromString(r.getId()), r.getName(), r.getUnit());
    }
}
