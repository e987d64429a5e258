package se.jobbtorg.coach.domain;

import java.util.List;

/** Stockholm's district administrations (stadsdelsförvaltningar) since 2020; proper names. */
public final class Districts {
    public static final List<String> STOCKHOLM = List.of(
            "Bromma",
            "Enskede-Årsta-Vantör",
            "Farsta",
            "Hägersten-Älvsjö",
            "Hässelby-Vällingby",
            "Kungsholmen",
            "Norrmalm",
            "Rinkeby-Kista",
            "Skarpnäck",
            "Skärholmen",
            "Spånga-Tensta",
            "Södermalm",
            "Östermalm");

    private Districts() {}
}
