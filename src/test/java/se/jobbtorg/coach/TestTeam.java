package se.jobbtorg.coach;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.sync.DeviceRegistry;
import se.jobbtorg.coach.sync.Manifest;
import se.jobbtorg.coach.sync.PackageCrypto;

/**
 * Test set-ups for package security: laptops that admit each other (as their people would after
 * comparing fingerprints by phone), and a plain copy of an encrypted package (what another system
 * that read it might write back, unsigned), so a test can alter an entry the way it could before
 * packages were encrypted.
 */
public final class TestTeam {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TestTeam() {}

    /**
     * Opens a laptop's database the way the tests of package security do: one place to change
     * when opening takes more.
     */
    public static Database open(Path file, Clock clock) {
        return Database.open(file, clock, TestPassphrase.get());
    }

    /** Every laptop admits every other, with its keys. */
    public static void admitEachOther(List<SyncService> laptops) {
        for (SyncService a : laptops) {
            for (SyncService b : laptops) {
                if (a != b) {
                    String[] keys = a.team().ownPublicKeys();
                    b.team().admit(a.deviceId(), keys[0], keys[1], a.peerLabel(a.deviceId()));
                }
            }
        }
    }

    public static void admitEachOther(SyncService... laptops) {
        admitEachOther(List.of(laptops));
    }

    /**
     * A plain, unsigned copy of an encrypted package, opened with the reader's own key: the same
     * manifest without its encryption, the entries decrypted, their checksums made right.
     */
    public static Path plainCopy(Path pkg, Database reader, Path out) throws IOException {
        var keys = new DeviceRegistry(reader).agreementKeys();
        String self = reader.deviceId();
        try (ZipFile in = new ZipFile(pkg.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            ObjectNode manifest = (ObjectNode) JSON.readTree(in.getInputStream(in.getEntry("manifest.json")));
            Manifest m = JSON.treeToValue(manifest, Manifest.class);
            byte[] contentKey = null;
            for (Manifest.Recipient r : m.encryption().recipients()) {
                if (self.equals(r.device())) {
                    contentKey = PackageCrypto.unwrapX25519(
                            keys.privateKey(),
                            keys.publicKey(),
                            m.encryption().ephemeralKey(),
                            r.wrappedKey(),
                            m.packageId());
                }
            }
            if (contentKey == null) {
                throw new IllegalStateException("the package is not for this reader");
            }
            ObjectNode entries = manifest.putObject("entries");
            for (ZipEntry e : Collections.list(in.entries())) {
                String name = e.getName();
                if (name.equals("manifest.json") || name.equals("signature.json")) {
                    continue;
                }
                byte[] plain;
                try (InputStream s = new InflaterInputStream(
                        PackageCrypto.decrypting(in.getInputStream(e), contentKey, name), new Inflater(true))) {
                    plain = s.readAllBytes();
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(plain);
                zip.closeEntry();
                entries.put(name, sha256(plain));
            }
            manifest.remove("encryption");
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
