package se.jobbtorg.coach.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.CoachContact;
import se.jobbtorg.coach.domain.JobbtorgUnits;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.store.CoachRepository;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.LocalSettings;

/** The coaches known to this database, and who is working in it. */
public final class CoachService {
    public static final String FIELD_NAME = "coachName";

    private final Database db;
    private final CoachRepository coaches;
    private final LocalSettings local;
    private final JobbtorgUnits units;

    public CoachService(Database db) {
        this(db, JobbtorgUnits.builtIn());
    }

    /** units: the list coaches choose their unit from (the city's, where it has given one). */
    public CoachService(Database db, JobbtorgUnits units) {
        this.db = db;
        this.units = units;
        this.coaches = new CoachRepository(db);
        this.local = new LocalSettings(db);
    }

    /**
     * The role of this database's user. A database made before roles has none set: its user is a
     * coach, the role that sees least.
     */
    public Role role() {
        return local.role().orElse(Role.COACH);
    }

    /** False for a database made before roles, whose user has not chosen one yet. */
    public boolean roleChosen() {
        return local.role().isPresent();
    }

    /**
     * The first start: the user of this new database and their role, in one transaction. Only
     * while the database has no user yet; after that the role changes only with the passphrase
     * ({@link SecurityService#changeRole}), and this refuses (IllegalStateException).
     */
    public Coach begin(String name, String unit, Role role) {
        if (currentCoach().isPresent()) {
            throw new IllegalStateException("this database has a user already: the role changes with the passphrase");
        }
        Coach coach = newCoach(name, unit);
        db.write(tx -> {
            coaches.save(tx, coach);
            coaches.setCurrent(tx, coach.id());
            local.setRole(tx, role);
            return null;
        });
        return coach;
    }

    /** The Jobbtorg units a coach chooses from, with their addresses. */
    public JobbtorgUnits units() {
        return units;
    }

    /** How a person reaches the user, for their plan: work phone and e-mail (each may be empty). */
    public CoachContact contact() {
        return new CoachContact(local.coachPhone(), local.coachEmail());
    }

    /**
     * Sets the user's work phone and e-mail; blank removes one. A value that cannot be a phone
     * number or an e-mail address is refused (ValidationException) and nothing changes.
     */
    public void setContact(CoachContact contact) {
        List<Problem> problems = contact.problems();
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        local.setCoachContact(contact.phone(), contact.email());
    }

    public List<Coach> coaches() {
        return coaches.all();
    }

    public Optional<Coach> currentCoach() {
        return coaches.current();
    }

    /** Makes the user of this database a coach with this name (renaming the current one). */
    public Coach setCurrentCoach(String name, String unit) {
        Coach coach = newCoach(name, unit);
        db.write(tx -> {
            coaches.save(tx, coach);
            coaches.setCurrent(tx, coach.id());
            return null;
        });
        return coach;
    }

    /** Adds a coach who is not the user (a colleague), e.g. for demo data or a team lead. */
    public Coach addCoach(String name, String unit) {
        Coach coach = new Coach(UUID.randomUUID(), name, unit);
        db.write(tx -> coaches.save(tx, coach));
        return coach;
    }

    /** The user as named, keeping the current user's id if there is one. */
    private Coach newCoach(String name, String unit) {
        if (name == null || name.isBlank()) {
            throw new ValidationException(List.of(Problem.of(FIELD_NAME, "validation.required")));
        }
        return new Coach(
                currentCoach().map(Coach::id).orElseGet(UUID::randomUUID),
                name.strip(),
                unit == null || unit.isBlank() ? null : unit.strip());
    }
}
