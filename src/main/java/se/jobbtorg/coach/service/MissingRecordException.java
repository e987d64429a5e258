package se.jobbtorg.coach.service;

/** A record that should be there is not (deleted meanwhile, or a program error). */
public class MissingRecordException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public MissingRecordException(String message) {
        super(message);
    }
}
