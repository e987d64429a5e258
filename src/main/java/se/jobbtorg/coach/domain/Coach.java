package se.jobbtorg.coach.domain;

import java.util.Objects;
import java.util.UUID;

/** A job coach who owns a caseload. */
public record Coach(UUID id, String name, String unit) {
    public Coach {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
