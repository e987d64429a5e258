package se.jobbtorg.coach.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A code read from the database or a package gives its constant, and nothing else does. */
class CodedTest {
    @Test
    void everyCodeGivesItsConstant() {
        for (ActivityKind kind : ActivityKind.values()) {
            assertSame(kind, Coded.ofCode(ActivityKind.class, kind.code()));
        }
        for (ExitReason reason : ExitReason.values()) {
            assertSame(reason, Coded.ofCode(ExitReason.class, reason.code()));
        }
    }

    @Test
    void anUnknownOrMissingCodeIsRefusedWithItsTypeAndCode() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> Coded.ofCode(ExitReason.class, "retired"));
        assertEquals("unknown ExitReason code: retired", unknown.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> Coded.ofCode(ActivityKind.class, null));
        assertEquals("unknown ActivityKind code: null", missing.getMessage());
        // a constant's name is not its code
        assertThrows(IllegalArgumentException.class, () -> Coded.ofCode(ActivityKind.class, "WORK_TRAINING"));
    }
}
