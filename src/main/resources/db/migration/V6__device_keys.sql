-- Schema version 6: this device's private keys, and the team's devices (package security).
-- See src/docs/decisions/0005-package-security.md and src/docs/caseload-package.md.
--
-- None of these tables is synchronised as records: they have no change-log rows. device_key
-- never leaves this database; device_statement travels in packages as devices.jsonl, each row
-- signed by the device that made the decision.

-- This device's key pairs, made when the database is first opened, so every backup holds them
-- (a database put back from a backup keeps its device id, and must keep its keys too). Inside
-- the database they are as protected as the caseload itself.
-- purpose: 'signing' (Ed25519, signs packages) or 'agreement' (X25519, opens packages).
CREATE TABLE device_key (
    purpose     TEXT PRIMARY KEY NOT NULL CHECK (purpose IN ('signing', 'agreement')),
    private_key TEXT NOT NULL, -- Base64 of PKCS#8
    public_key  TEXT NOT NULL, -- Base64 of X.509 SubjectPublicKeyInfo
    created_at  TEXT NOT NULL
) STRICT;

-- Decisions about the team's devices: a device admitted (with its signing key, or as 'unsigned',
-- another system's export) or withdrawn (a stolen laptop). Made by a person on some device and
-- signed there with that device's Ed25519 key, so a statement can be relayed by anyone and still
-- be checked. A statement counts only when its maker is itself admitted here (this device always
-- is); a withdrawal is final for that device id, whatever order statements arrive in.
CREATE TABLE device_statement (
    subject       TEXT NOT NULL, -- the device the decision is about
    status        TEXT NOT NULL CHECK (status IN ('admitted', 'unsigned', 'withdrawn')),
    signing_key   TEXT,          -- its Ed25519 public key (admitted); NULL for unsigned and withdrawn
    agreement_key TEXT,          -- its X25519 public key, if known: packages are encrypted to it
    label         TEXT,          -- the name its packages gave (the coach's name)
    decided_by    TEXT NOT NULL, -- the device whose person decided
    decider_key   TEXT NOT NULL, -- that device's Ed25519 public key, which signed this row
    stamp         TEXT NOT NULL, -- when (UTC, ISO-8601), by the decider's clock
    signature     TEXT NOT NULL, -- Base64 Ed25519 over the statement's canonical text
    PRIMARY KEY (subject, decided_by, stamp, status)
) STRICT;

-- Devices whose packages were seen here, admitted or not: what a person needs to admit one
-- (its keys, and the name its packages gave). A refused package leaves only this row behind.
CREATE TABLE device_seen (
    device_id     TEXT PRIMARY KEY NOT NULL,
    label         TEXT,
    signing_key   TEXT,
    agreement_key TEXT,
    last_seen     TEXT NOT NULL
) STRICT;

-- The team passphrase, set once per team on the sync screen: packages are also wrapped for it,
-- so a laptop nobody has met yet (new, or restored) can read its first package.
CREATE TABLE team_secret (
    name  TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
