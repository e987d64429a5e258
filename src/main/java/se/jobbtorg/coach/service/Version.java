package se.jobbtorg.coach.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The program's version, written into a resource by the build. */
public final class Version {
    private Version() {}

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/jobbtorg-coach.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
