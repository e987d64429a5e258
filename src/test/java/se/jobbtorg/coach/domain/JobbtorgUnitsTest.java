package se.jobbtorg.coach.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The units a coach chooses from, and the address each gives the person's plan. */
class JobbtorgUnitsTest {
    @Test
    void theListIsReadLineByLineNameThenAddress() throws Exception {
        JobbtorgUnits units = JobbtorgUnits.read(
                new StringReader(
                        "# Stadens lista\n\nJobbtorg Kista\tExempelgatan 1, 164 40 Kista\n  Jobbtorg Vantör \t\nJobbtorg Östra\n"));
        assertEquals(List.of("Jobbtorg Kista", "Jobbtorg Vantör", "Jobbtorg Östra"), units.names());
        assertEquals(Optional.of("Exempelgatan 1, 164 40 Kista"), units.addressOf("Jobbtorg Kista"));
        assertEquals(Optional.empty(), units.addressOf("Jobbtorg Vantör"), "an empty address is none");
        assertEquals(Optional.empty(), units.addressOf("Jobbtorg Rinkeby"), "a unit not in the list has none");
    }

    @Test
    void theProgramCarriesTheUnitsOfTheProposal() {
        List<String> names = JobbtorgUnits.builtIn().names();
        assertTrue(
                names.containsAll(List.of(
                        "Jobbtorg Kista",
                        "Jobbtorg Kungsholmen",
                        "Jobbtorg Skärholmen",
                        "Jobbtorg Vantör",
                        "Jobbtorg Vällingby")),
                names.toString());
    }
}
