package se.jobbtorg.coach.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.store.CoachRepository;
import se.jobbtorg.coach.store.Database;

/** The coaches known to this database, and who is working in it. */
public final class CoachService {
    public static final String FIELD_NAME = "coachName";

    private final Database db;
    private final CoachRepository coaches;

    public CoachService(Database db) {
        this.db = db;
        this.coaches = new CoachRepository(db);
    }

    public List<Coach> coaches() {
        return coaches.all();
    }

    public Optional<Coach> currentCoach() {
        return coaches.current();
    }

    /** Makes the user of this database a coach with this name (renaming the current one). */
    public Coach setCurrentCoach(String name, String unit) {
        if (name == null || name.isBlank()) {
            throw new ValidationException(List.of(Problem.of(FIELD_NAME, "validation.required")));
        }
        Coach coach = new Coach(
                currentCoach().map(Coach::id).orElseGet(UUID::randomUUID),
                name.strip(),
                unit == null || unit.isBlank() ? null : unit.strip());
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
}
