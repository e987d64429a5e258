package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.domain.JobbtorgUnits;

/** The city's own list of units, put in the data folder, is the one the program uses. */
class UnitListTest {
    @TempDir
    Path data;

    @Test
    void theCitysListInTheDataFolderIsUsedAndABrokenOrEmptyOneIsNot() throws Exception {
        assertEquals(JobbtorgUnits.builtIn(), AppContext.units(data), "none there: the program's own");

        Files.writeString(data.resolve(JobbtorgUnits.FILE_NAME), "Jobbtorg Järva\tExempelvägen 2, 163 70 Spånga\n");
        JobbtorgUnits city = AppContext.units(data);
        assertEquals(List.of("Jobbtorg Järva"), city.names());
        assertEquals(Optional.of("Exempelvägen 2, 163 70 Spånga"), city.addressOf("Jobbtorg Järva"));

        Files.writeString(data.resolve(JobbtorgUnits.FILE_NAME), "# nothing yet\n");
        assertEquals(JobbtorgUnits.builtIn(), AppContext.units(data), "an empty list: the program's own");
    }
}
