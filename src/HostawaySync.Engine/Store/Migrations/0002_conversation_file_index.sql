-- HostawaySync schema, version 2: conversation files found in the conversations root that no synced
-- conversation owns (files from earlier tools, or hand-made), and when they were last indexed. Their
-- messages go to messages_metadata with negative ids (the files carry none) and are linked to the
-- conversation, reservation and listing they can be matched to.

CREATE TABLE conversation_file_index (
    file_path           TEXT    NOT NULL COLLATE NOCASE PRIMARY KEY,   -- relative to the conversations root
    length              INTEGER NOT NULL,
    last_write_utc      TEXT    NOT NULL,
    kind                TEXT    NOT NULL,                              -- HostawaySync, LegacyChatLog, Unknown
    conversation_id     INTEGER REFERENCES conversations (conversation_id),
    reservation_id      INTEGER,
    listing_id          INTEGER,
    messages            INTEGER NOT NULL DEFAULT 0,
    problems            INTEGER NOT NULL DEFAULT 0,
    first_problem       TEXT,
    indexed_at          TEXT    NOT NULL
) WITHOUT ROWID;
