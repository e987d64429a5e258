package se.jobbtorg.coach.report;

/**
 * How far a writer has come, told as it goes. It may stop the writing by throwing (a cancel):
 * the writers write whole files or none, so the file is then left as it was.
 */
@FunctionalInterface
public interface WriteProgress {
    WriteProgress NONE = (done, total) -> {};

    void reached(long done, long total);
}
