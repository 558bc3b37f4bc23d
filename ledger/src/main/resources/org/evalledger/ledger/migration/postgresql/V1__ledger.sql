-- The ledger of LEDGER.md on PostgreSQL. One row in ledger_state holds the origin, the hub's public
-- key (PEM) and the tree size;
-- entries hold the hashed entry document (JCS) and the envelope bytes it binds; nodes hold the
-- complete-subtree hashes (level 0 = leaf hashes) from which roots and proofs are assembled.
CREATE TABLE ledger_state (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    origin TEXT NOT NULL,
    allow_unsigned SMALLINT NOT NULL,
    hub_key TEXT NOT NULL,
    hub_key_file TEXT,
    tree_size BIGINT NOT NULL
);

CREATE TABLE entries (
    idx BIGINT PRIMARY KEY,
    entry BYTEA NOT NULL,
    envelope BYTEA NOT NULL,
    envelope_sha256 TEXT NOT NULL UNIQUE,
    record_digest TEXT NOT NULL,
    model TEXT NOT NULL,
    status TEXT NOT NULL,
    appended_at TEXT NOT NULL
);
CREATE INDEX entries_record_digest ON entries (record_digest);
CREATE INDEX entries_model ON entries (model);

CREATE TABLE nodes (
    level SMALLINT NOT NULL,
    idx BIGINT NOT NULL,
    hash BYTEA NOT NULL,
    PRIMARY KEY (level, idx)
);

CREATE TABLE checkpoints (
    tree_size BIGINT PRIMARY KEY,
    root BYTEA NOT NULL,
    note TEXT NOT NULL
);
