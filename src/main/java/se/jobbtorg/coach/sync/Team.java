package se.jobbtorg.coach.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The team as this device sees it, worked out from the signed statements it holds: this device
 * is admitted with its own key; a statement counts when the device that made it is admitted with
 * the key that signed it (so admissions spread from device to device, but only from the team);
 * a withdrawal that counts is final for that device id, whatever order statements come in.
 */
public final class Team {
    /** One device and what the statements that count say of it. */
    public record Member(
            String device,
            Set<String> signingKeys,
            boolean unsigned,
            boolean withdrawn,
            String agreementKey,
            String label,
            String admittedBy,
            String withdrawnAt) {
        public boolean admitted() {
            return !withdrawn && (unsigned || !signingKeys.isEmpty());
        }
    }

    private final String self;
    private final Map<String, Member> members;
    private final List<DeviceStatement> counted;

    private Team(String self, Map<String, Member> members, List<DeviceStatement> counted) {
        this.self = self;
        this.members = members;
        this.counted = counted;
    }

    /** The team from this device's id and signing key and every statement it holds (verified or not). */
    public static Team of(String self, String selfSigningKey, Collection<DeviceStatement> statements) {
        Map<String, Set<String>> keys = new HashMap<>();
        keys.computeIfAbsent(self, k -> new HashSet<>()).add(selfSigningKey);
        List<DeviceStatement> pending = new ArrayList<>();
        for (DeviceStatement s : statements) {
            if (s.verifies()) {
                pending.add(s);
            }
        }
        // Oldest first, so the label and agreement key of the newest admission win below.
        pending.sort(Comparator.comparing(DeviceStatement::stamp).thenComparing(DeviceStatement::decidedBy));
        List<DeviceStatement> counted = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                DeviceStatement s = it.next();
                if (keys.getOrDefault(s.decidedBy(), Set.of()).contains(s.deciderKey())) {
                    it.remove();
                    counted.add(s);
                    grew = true;
                    if (DeviceStatement.ADMITTED.equals(s.status())) {
                        keys.computeIfAbsent(s.subject(), k -> new HashSet<>()).add(s.signingKey());
                    }
                }
            }
        }
        counted.sort(Comparator.comparing(DeviceStatement::stamp).thenComparing(DeviceStatement::decidedBy));
        Map<String, Member> members = new LinkedHashMap<>();
        for (DeviceStatement s : counted) {
            if (s.subject().equals(self)) {
                continue; // this device is always itself
            }
            Member m = members.getOrDefault(
                    s.subject(), new Member(s.subject(), Set.of(), false, false, null, null, null, null));
            Set<String> signing = new HashSet<>(m.signingKeys());
            boolean unsigned = m.unsigned();
            boolean withdrawn = m.withdrawn();
            String agreement = m.agreementKey();
            String label = m.label();
            String by = m.admittedBy();
            String withdrawnAt = m.withdrawnAt();
            switch (s.status()) {
                case DeviceStatement.ADMITTED -> {
                    signing.add(s.signingKey());
                    agreement = s.agreementKey() != null ? s.agreementKey() : agreement;
                    label = s.label() != null ? s.label() : label;
                    by = s.decidedBy();
                }
                case DeviceStatement.UNSIGNED -> {
                    unsigned = true;
                    label = s.label() != null ? s.label() : label;
                    by = s.decidedBy();
                }
                default -> {
                    // The earliest withdrawal counts: statements come oldest first.
                    withdrawnAt = withdrawn ? withdrawnAt : s.stamp();
                    withdrawn = true;
                }
            }
            members.put(
                    s.subject(),
                    new Member(
                            s.subject(), Set.copyOf(signing), unsigned, withdrawn, agreement, label, by, withdrawnAt));
        }
        return new Team(self, members, List.copyOf(counted));
    }

    /** Whether a package from this device, signed with this key (null: unsigned), may change records here. */
    public boolean admits(String device, String signingKey) {
        if (device.equals(self)) {
            return false; // our own packages are never imported as another's
        }
        Member m = members.get(device);
        if (m == null || m.withdrawn()) {
            return false;
        }
        return signingKey == null ? m.unsigned() : m.signingKeys().contains(signingKey);
    }

    /**
     * Whether a change made on this device at this time (epoch millis) may come in, relayed by
     * another device: this device's own, or one made on an admitted device, or on a withdrawn
     * one before it was withdrawn (a stolen laptop's earlier work is the team's).
     */
    public boolean vouchesFor(String device, long madeAtMillis) {
        if (device.equals(self)) {
            return true;
        }
        Member m = members.get(device);
        if (m == null) {
            return false;
        }
        if (m.withdrawn()) {
            return (m.unsigned() || !m.signingKeys().isEmpty())
                    && madeAtMillis < Instant.parse(m.withdrawnAt()).toEpochMilli();
        }
        return m.admitted();
    }

    public boolean withdrawn(String device) {
        Member m = members.get(device);
        return m != null && m.withdrawn();
    }

    public Map<String, Member> members() {
        return members;
    }

    /** The statements that count, oldest first: what a package carries on. */
    public List<DeviceStatement> counted() {
        return counted;
    }
}
