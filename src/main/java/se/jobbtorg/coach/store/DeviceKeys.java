package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.DEVICE_KEY;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.Properties;
import java.util.logging.Logger;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * This device's two key pairs, kept in the database (table device_key, never synchronised):
 * Ed25519 to sign packages, X25519 to open packages encrypted to it. Made when the database is
 * first opened, so every backup holds them. A key file of an older version
 * ("&lt;database&gt;.keys", the signing key in clear beside the database) is read in once, then
 * overwritten with zeros, forced to disk and deleted.
 */
public final class DeviceKeys {
    private static final Logger LOG = Logger.getLogger(DeviceKeys.class.getName());
    public static final String SIGNING = "signing";
    public static final String AGREEMENT = "agreement";
    static final String SIGNING_ALGORITHM = "Ed25519";
    static final String AGREEMENT_ALGORITHM = "X25519";

    /** A key pair as stored: Base64 of PKCS#8 (private) and X.509 (public). */
    public record Pair(String privateKey, String publicKey) {
        @Override
        public String toString() {
            // Never the private key, whoever prints this.
            return "Pair[publicKey=" + publicKey + "]";
        }
    }

    private DeviceKeys() {}

    /** Makes the keys this database lacks, taking a legacy key file in first. */
    static void ensure(Connection connection, Path database, Clock clock) throws SQLException {
        DSLContext dsl = DSL.using(connection, SQLDialect.SQLITE);
        Path legacy = database.resolveSibling(database.getFileName() + ".keys");
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (Files.exists(legacy) && !has(dsl, SIGNING)) {
                Pair old = readLegacy(legacy);
                if (old != null) {
                    insert(dsl, SIGNING, old, clock);
                }
            }
            if (!has(dsl, SIGNING)) {
                insert(dsl, SIGNING, generate(SIGNING_ALGORITHM), clock);
            }
            if (!has(dsl, AGREEMENT)) {
                insert(dsl, AGREEMENT, generate(AGREEMENT_ALGORITHM), clock);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
        // Only once the key is safely in the database does the clear copy go.
        if (Files.exists(legacy)) {
            wipe(legacy);
        }
    }

    private static boolean has(DSLContext dsl, String purpose) {
        return dsl.fetchExists(DEVICE_KEY, DEVICE_KEY.PURPOSE.eq(purpose));
    }

    private static void insert(DSLContext dsl, String purpose, Pair pair, Clock clock) {
        dsl.insertInto(DEVICE_KEY)
                .set(DEVICE_KEY.PURPOSE, purpose)
                .set(DEVICE_KEY.PRIVATE_KEY, pair.privateKey())
                .set(DEVICE_KEY.PUBLIC_KEY, pair.publicKey())
                .set(DEVICE_KEY.CREATED_AT, clock.instant().toString())
                .execute();
    }

    static Pair generate(String algorithm) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
            return new Pair(
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Pair readLegacy(Path file) {
        Properties keys = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            keys.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning("the old key file could not be read; a new signing key is made");
            return null;
        }
        String priv = keys.getProperty("private");
        String pub = keys.getProperty("public");
        return priv != null && pub != null ? new Pair(priv.strip(), pub.strip()) : null;
    }

    /** Overwrites the file with zeros, forces that to disk, then deletes it. */
    static void wipe(Path file) {
        try {
            PrivateFiles.wipe(file);
            LOG.info("the old key file was moved into the database and wiped");
        } catch (IOException e) {
            throw new StoreException("cannot wipe the old key file", e);
        }
    }

    /** This device's pair for a purpose (SIGNING or AGREEMENT). */
    public static Pair read(Database db, String purpose) {
        return db.read(dsl -> dsl.selectFrom(DEVICE_KEY)
                .where(DEVICE_KEY.PURPOSE.eq(purpose))
                .fetchOptional(r -> new Pair(r.getPrivateKey(), r.getPublicKey()))
                .orElseThrow(() -> new StoreException("no " + purpose + " key in the database")));
    }
}
