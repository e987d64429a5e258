package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT_SEARCH;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.SwedishText;
import se.jobbtorg.coach.store.generated.tables.records.ParticipantRecord;

/** Participants, and the search index derived from their names and numbers. */
public final class ParticipantRepository {
    private final Database db;

    public ParticipantRepository(Database db) {
        this.db = db;
    }

    /** Saves the participant in tx; returns false if nothing changed. */
    public boolean save(Transaction tx, Participant p) {
        ParticipantRecord r = record(tx.dsl(), p);
        if (!tx.dsl().fetchExists(PARTICIPANT, PARTICIPANT.ID.eq(p.id().toString()))) {
            // The number as registered: the merge rule's key, set once.
            r.setRegisteredNumber(p.personalNumber().normalised());
        }
        boolean changed = tx.save(r);
        if (changed) {
            reindex(tx.dsl(), p);
        }
        return changed;
    }

    /** The row of a participant with its sort key; the number as registered is the caller's. */
    static ParticipantRecord record(DSLContext dsl, Participant p) {
        ParticipantRecord r = dsl.newRecord(PARTICIPANT);
        r.setId(p.id().toString());
        r.setPersonalNumber(p.personalNumber().normalised());
        r.setFirstName(p.firstName());
        r.setLastName(p.lastName());
        r.setPhone(p.phone());
        r.setEmail(p.email());
        r.setHomeDistrict(p.homeDistrict());
        r.setSortName(SwedishText.sortKey(p.lastName(), p.firstName()));
        r.setDeleted(0);
        return r;
    }

    /**
     * Recomputes what is derived from a participant's fields (the sort key, the search tokens)
     * after sync changed them. Derived values never travel: every device computes them.
     */
    public static void refreshDerived(DSLContext dsl, String id) {
        ParticipantRecord r =
                dsl.selectFrom(PARTICIPANT).where(PARTICIPANT.ID.eq(id)).fetchOne();
        if (r == null) {
            return;
        }
        dsl.update(PARTICIPANT)
                .set(PARTICIPANT.SORT_NAME, SwedishText.sortKey(r.getLastName(), r.getFirstName()))
                .where(PARTICIPANT.ID.eq(id))
                .execute();
        if (r.getDeleted() == 1) {
            dsl.deleteFrom(PARTICIPANT_SEARCH)
                    .where(PARTICIPANT_SEARCH.PARTICIPANT_ID.eq(id))
                    .execute();
        } else {
            reindex(dsl, toDomain(r));
        }
    }

    /** Changes the fields that differ from the stored record; false if none did. */
    public boolean update(Transaction tx, Participant p) {
        ParticipantRecord stored = tx.dsl()
                .selectFrom(PARTICIPANT)
                .where(PARTICIPANT.ID.eq(p.id().toString()))
                .fetchOne();
        if (stored == null || stored.getDeleted() == 1) {
            throw new StoreException("no participant " + p.id());
        }
        ParticipantRecord r = tx.dsl().newRecord(PARTICIPANT);
        r.setId(p.id().toString());
        setIfDiffers(
                r,
                PARTICIPANT.PERSONAL_NUMBER,
                stored.getPersonalNumber(),
                p.personalNumber().normalised());
        setIfDiffers(r, PARTICIPANT.FIRST_NAME, stored.getFirstName(), p.firstName());
        setIfDiffers(r, PARTICIPANT.LAST_NAME, stored.getLastName(), p.lastName());
        setIfDiffers(r, PARTICIPANT.PHONE, stored.getPhone(), p.phone());
        setIfDiffers(r, PARTICIPANT.EMAIL, stored.getEmail(), p.email());
        setIfDiffers(r, PARTICIPANT.HOME_DISTRICT, stored.getHomeDistrict(), p.homeDistrict());
        r.setSortName(SwedishText.sortKey(p.lastName(), p.firstName()));
        boolean changed = tx.save(r);
        if (changed) {
            reindex(tx.dsl(), p);
        }
        return changed;
    }

    private static void setIfDiffers(
            ParticipantRecord r, TableField<ParticipantRecord, String> field, String stored, String value) {
        if (!Objects.equals(stored, value)) {
            r.set(field, value);
        }
    }

    private static void reindex(DSLContext dsl, Participant p) {
        String id = p.id().toString();
        dsl.deleteFrom(PARTICIPANT_SEARCH)
                .where(PARTICIPANT_SEARCH.PARTICIPANT_ID.eq(id))
                .execute();
        var insert = dsl.insertInto(PARTICIPANT_SEARCH, PARTICIPANT_SEARCH.TOKEN, PARTICIPANT_SEARCH.PARTICIPANT_ID);
        for (String token : searchTokens(p)) {
            insert = insert.values(token, id);
        }
        insert.onConflictDoNothing().execute();
    }

    /** The words search as you type finds a participant by: name word prefixes and number forms. */
    static Set<String> searchTokens(Participant p) {
        Set<String> tokens = new LinkedHashSet<>(SwedishText.nameTokens(p.firstName(), p.lastName()));
        tokens.addAll(SwedishText.numberTokens(p.personalNumber()));
        return tokens;
    }

    public Optional<Participant> find(UUID id) {
        return db.read(dsl -> dsl.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.ID.eq(id.toString()), PARTICIPANT.DELETED.eq(0))
                .fetchOptional(ParticipantRepository::toDomain));
    }

    /** The (undeleted) participant, read inside a write. */
    public Optional<Participant> find(Transaction tx, UUID id) {
        return tx.dsl()
                .selectFrom(PARTICIPANT)
                .where(PARTICIPANT.ID.eq(id.toString()), PARTICIPANT.DELETED.eq(0))
                .fetchOptional(ParticipantRepository::toDomain);
    }

    /** The (undeleted) participants with these ids, in one read. */
    public Map<UUID, Participant> findAll(Collection<UUID> ids) {
        List<String> keys = ids.stream().map(UUID::toString).toList();
        return db.read(dsl -> dsl
                .selectFrom(PARTICIPANT)
                .where(PARTICIPANT.ID.in(keys), PARTICIPANT.DELETED.eq(0))
                .fetch(ParticipantRepository::toDomain)
                .stream()
                .collect(Collectors.toMap(Participant::id, p -> p)));
    }

    /** The (undeleted) participant with this number, read inside a write so the check holds. */
    public Optional<Participant> findByNumber(Transaction tx, PersonalIdentityNumber number) {
        return tx.dsl()
                .selectFrom(PARTICIPANT)
                .where(PARTICIPANT.PERSONAL_NUMBER.eq(number.normalised()), PARTICIPANT.DELETED.eq(0))
                .limit(1)
                .fetchOptional(ParticipantRepository::toDomain);
    }

    /**
     * Whether another record was registered with this number (its number since corrected, or
     * deleted): the merge rule joins records registered with one number, so a new one would be
     * merged into it at the next import.
     */
    public boolean registeredBefore(Transaction tx, PersonalIdentityNumber number, UUID except) {
        return tx.dsl()
                .fetchExists(
                        PARTICIPANT,
                        PARTICIPANT.REGISTERED_NUMBER.eq(number.normalised()),
                        PARTICIPANT.MERGED_INTO.isNull(),
                        PARTICIPANT.ID.ne(except == null ? "" : except.toString()));
    }

    public int count() {
        return db.read(dsl -> dsl.fetchCount(PARTICIPANT, PARTICIPANT.DELETED.eq(0)));
    }

    /** The columns {@link #toDomain} reads: a list need not read the others. */
    static final List<Field<?>> DOMAIN_FIELDS = List.of(
            PARTICIPANT.ID,
            PARTICIPANT.PERSONAL_NUMBER,
            PARTICIPANT.FIRST_NAME,
            PARTICIPANT.LAST_NAME,
            PARTICIPANT.PHONE,
            PARTICIPANT.EMAIL,
            PARTICIPANT.HOME_DISTRICT);

    static Participant toDomain(ParticipantRecord r) {
        return new Participant(
                UUID.fromString(r.getId()),
                PersonalIdentityNumber.ofNormalised(r.getPersonalNumber()),
                r.getFirstName(),
                r.getLastName(),
                r.getPhone(),
                r.getEmail(),
                r.getHomeDistrict());
    }
}
