package se.jobbtorg.coach.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.SocialstyrelsenCodes.NationalActivity;
import se.jobbtorg.coach.domain.SocialstyrelsenCodes.NationalExit;

class SocialstyrelsenCodesTest {

    @Test
    void everyExitReasonAndActivityKindHasANationalCategory() {
        for (ExitReason reason : ExitReason.values()) {
            assertNotNull(SocialstyrelsenCodes.of(reason), reason.name());
        }
        for (ActivityKind kind : ActivityKind.values()) {
            assertNotNull(SocialstyrelsenCodes.of(kind), kind.name());
        }
    }

    @Test
    void everyNationalExitCategoryIsReachedSoNoneIsDeadWeightInTheExport() {
        Set<NationalExit> reached = Stream.of(ExitReason.values())
                .map(SocialstyrelsenCodes::of)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NationalExit.class)));
        assertEquals(EnumSet.allOf(NationalExit.class), reached);
        Set<NationalActivity> kinds = Stream.of(ActivityKind.values())
                .map(SocialstyrelsenCodes::of)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NationalActivity.class)));
        assertEquals(EnumSet.allOf(NationalActivity.class), kinds);
    }

    /** Annex 2 counts why assistance ended: being sent back to social services ends nothing. */
    @Test
    void referredBackAndTheLimitHaveNoCounterpartInAnnexTwo() {
        assertFalse(SocialstyrelsenCodes.of(ExitReason.REFERRED_BACK).hasCounterpart());
        assertFalse(SocialstyrelsenCodes.of(ExitReason.LIMIT_18_MONTHS).hasCounterpart());
        assertTrue(SocialstyrelsenCodes.of(ExitReason.UNKNOWN).hasCounterpart(), "unknown stays unknown, not dropped");
    }

    @Test
    void bothKindsOfWorkAreOneCategoryAndStudiesItsOwn() {
        assertEquals(NationalExit.WORK, SocialstyrelsenCodes.of(ExitReason.UNSUBSIDISED_WORK));
        assertEquals(NationalExit.WORK, SocialstyrelsenCodes.of(ExitReason.SUBSIDISED_WORK));
        assertEquals(NationalExit.STUDIES, SocialstyrelsenCodes.of(ExitReason.STUDIES));
        assertEquals(NationalExit.SOCIAL_INSURANCE, SocialstyrelsenCodes.of(ExitReason.FK_COMPENSATION));
    }

    /** Annex 1 is about the municipality's activities: Arbetsförmedlingen's programmes are the state's. */
    @Test
    void onlyMunicipalActivitiesCountForAnnexOne() {
        assertFalse(SocialstyrelsenCodes.of(ActivityKind.AF_PROGRAMME).hasCounterpart());
        assertEquals(NationalActivity.MUNICIPAL_LABOUR_MARKET, SocialstyrelsenCodes.of(ActivityKind.WORK_TRAINING));
        assertEquals(NationalActivity.MUNICIPAL_LABOUR_MARKET, SocialstyrelsenCodes.of(ActivityKind.STOCKHOLMSJOBB));
    }

    /** No code value is invented: until one is verified against the annex, there is none. */
    @Test
    void noOfficialCodeValueIsClaimedWithoutASource() {
        for (NationalExit e : NationalExit.values()) {
            assertTrue(e.officialCode().isEmpty(), e.name());
        }
        for (NationalActivity a : NationalActivity.values()) {
            assertTrue(a.officialCode().isEmpty(), a.name());
        }
    }

    @Test
    void categoriesTravelAsStableCodes() {
        assertEquals(NationalExit.WORK, Coded.ofCode(NationalExit.class, "work"));
        assertEquals(NationalActivity.MUNICIPAL_LABOUR_MARKET, Coded.ofCode(NationalActivity.class, "municipal"));
    }
}
