package se.jobbtorg.coach.service;

import java.util.List;
import se.jobbtorg.coach.domain.Problem;

/** What a user entered was refused; nothing was saved. Each problem names its field. */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super("refused: "
                + problems.stream().map(p -> p.field() + "=" + p.messageKey()).toList());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
