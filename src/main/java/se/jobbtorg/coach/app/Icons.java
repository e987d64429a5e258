package se.jobbtorg.coach.app;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;

/**
 * The program's icon for its windows, in the sizes a desktop picks from. The PNGs are rendered
 * from installer/icons/jobbtorg-coach.svg and come into the jar from there (see the pom).
 */
final class Icons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private Icons() {}

    static List<Image> all() {
        return Arrays.stream(SIZES)
                .mapToObj(size -> new Image(Objects.requireNonNull(
                                Icons.class.getResource("/se/jobbtorg/coach/icons/jobbtorg-coach-" + size + ".png"),
                                "icon " + size)
                        .toExternalForm()))
                .toList();
    }
}
