package se.jobbtorg.coach;

import se.jobbtorg.coach.domain.Passphrase;

/** The passphrase every test database is encrypted under (invented, like the test people). */
public final class TestPassphrase {
    public static final String TEXT = "blå cykel i regn 2026";

    private TestPassphrase() {}

    /** A fresh instance each time: a caller may wipe (close) its own. */
    public static Passphrase get() {
        return Passphrase.of(TEXT);
    }
}
