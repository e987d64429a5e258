package se.jobbtorg.coach.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Who took part in a mapping area or an activity besides the coach and the person (the one-door counter-proposal; the Jobbtorg proposal; the 2020 audit). */
public enum Actor implements Coded {
    EMPLOYMENT_SERVICE("af"),
    SOCIAL_INSURANCE("fk"),
    SOCIAL_SERVICES("social_services"),
    PROVIDER("provider"),
    EMPLOYER("employer"),
    HEALTH_CARE("health_care"),
    SOCIAL_COOPERATIVE("social_cooperative"),
    OTHER("other");

    private final String code;

    Actor(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static String toCodes(Collection<Actor> actors) {
        return actors.isEmpty()
                ? ""
                : EnumSet.copyOf(actors).stream().map(Actor::code).collect(Collectors.joining(","));
    }

    public static Set<Actor> fromCodes(String codes) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        if (codes != null && !codes.isBlank()) {
            for (String code : codes.split(",")) {
                actors.add(Coded.ofCode(Actor.class, code.trim()));
            }
        }
        return actors;
    }
}
