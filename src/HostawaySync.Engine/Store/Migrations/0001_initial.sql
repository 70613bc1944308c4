-- HostawaySync schema, version 1.
-- Conventions: snake_case; Hostaway ids are the primary keys of the objects they name; timestamps are
-- ISO-8601 UTC text ('YYYY-MM-DDTHH:MM:SSZ' for our own, the API's 'YYYY-MM-DD HH:MM:SS' kept as sent);
-- every API object keeps its raw JSON so no field is ever lost; soft deletes set deleted_at.

CREATE TABLE schema_migrations (
    version         INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL,
    applied_at      TEXT    NOT NULL,
    module_version  TEXT
);

CREATE TABLE listings (
    listing_id          INTEGER PRIMARY KEY,          -- Hostaway listing id ("listingMapId" on other objects)
    name                TEXT,
    internal_name       TEXT,
    external_name       TEXT,
    property_type_id    INTEGER,
    address             TEXT,
    street              TEXT,
    city                TEXT,
    state               TEXT,
    zipcode             TEXT,
    country             TEXT,
    country_code        TEXT,
    latitude            REAL,
    longitude           REAL,
    person_capacity     INTEGER,
    bedrooms            INTEGER,
    bathrooms           REAL,
    price               REAL,
    currency_code       TEXT,
    time_zone           TEXT,
    special_status      TEXT,
    photo_count         INTEGER NOT NULL DEFAULT 0,
    inserted_on         TEXT,
    latest_activity_on  TEXT,
    raw_json            TEXT    NOT NULL,
    content_hash        TEXT    NOT NULL,
    first_seen_at       TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    deleted_at          TEXT
);
CREATE INDEX ix_listings_name ON listings (name COLLATE NOCASE);
CREATE INDEX ix_listings_city ON listings (city COLLATE NOCASE);

CREATE TABLE listing_photos (
    photo_id                INTEGER PRIMARY KEY,      -- Hostaway listing image id
    listing_id              INTEGER NOT NULL REFERENCES listings (listing_id),
    url                     TEXT    NOT NULL,
    caption                 TEXT,
    airbnb_caption          TEXT,
    vrbo_caption            TEXT,
    booking_engine_caption  TEXT,
    sort_order              INTEGER,
    raw_json                TEXT    NOT NULL,
    content_hash            TEXT    NOT NULL,
    updated_at              TEXT    NOT NULL
);
CREATE INDEX ix_listing_photos_listing ON listing_photos (listing_id, sort_order);

CREATE TABLE guests (
    guest_id                INTEGER PRIMARY KEY AUTOINCREMENT,
    full_name               TEXT,
    first_name              TEXT,
    last_name               TEXT,
    email                   TEXT,
    phone                   TEXT,
    external_account_id     TEXT,
    city                    TEXT,
    country                 TEXT,
    locale                  TEXT,
    reservation_count       INTEGER NOT NULL DEFAULT 0,
    first_arrival_date      TEXT,
    last_arrival_date       TEXT,
    merged_into_guest_id    INTEGER REFERENCES guests (guest_id),
    created_at              TEXT    NOT NULL,
    updated_at              TEXT    NOT NULL
);
CREATE INDEX ix_guests_email ON guests (email COLLATE NOCASE);
CREATE INDEX ix_guests_name ON guests (full_name COLLATE NOCASE);

-- How reservations are matched to guests: a normalized email or a channel's guest account id; a
-- reservation with neither is its own guest, keyed by its reservation id so re-syncs find it again.
CREATE TABLE guest_identity_keys (
    key_type    TEXT    NOT NULL CHECK (key_type IN ('email', 'external', 'reservation')),
    key_value   TEXT    NOT NULL,
    guest_id    INTEGER NOT NULL REFERENCES guests (guest_id),
    PRIMARY KEY (key_type, key_value)
) WITHOUT ROWID;
CREATE INDEX ix_guest_identity_keys_guest ON guest_identity_keys (guest_id);

CREATE TABLE guest_merges (
    merge_id            INTEGER PRIMARY KEY AUTOINCREMENT,
    merged_guest_id     INTEGER NOT NULL REFERENCES guests (guest_id),
    survivor_guest_id   INTEGER NOT NULL REFERENCES guests (guest_id),
    reason              TEXT    NOT NULL,
    merged_at           TEXT    NOT NULL
);

CREATE TABLE reservations (
    reservation_id              INTEGER PRIMARY KEY,  -- Hostaway reservation id ("id" / "hostawayReservationId")
    listing_id                  INTEGER REFERENCES listings (listing_id),
    guest_id                    INTEGER REFERENCES guests (guest_id),
    channel_id                  INTEGER,
    channel_name                TEXT,
    source                      TEXT,
    channel_reservation_id      TEXT,                 -- the API's "reservationId": the channel's string id
    confirmation_code           TEXT,
    status                      TEXT,
    arrival_date                TEXT,
    departure_date              TEXT,
    nights                      INTEGER,
    number_of_guests            INTEGER,
    adults                      INTEGER,
    children                    INTEGER,
    infants                     INTEGER,
    pets                        INTEGER,
    total_price                 REAL,
    currency                    TEXT,
    is_paid                     INTEGER,
    guest_name                  TEXT,
    guest_first_name            TEXT,
    guest_last_name             TEXT,
    guest_email                 TEXT,
    guest_phone                 TEXT,
    guest_external_account_id   TEXT,
    reservation_date            TEXT,
    cancellation_date           TEXT,
    cancelled_by                TEXT,
    inserted_on                 TEXT,
    updated_on                  TEXT,
    latest_activity_on          TEXT,
    conversations_synced_activity TEXT,               -- latest_activity_on as of the last fetch of its conversations
    raw_json                    TEXT    NOT NULL,
    content_hash                TEXT    NOT NULL,
    first_seen_at               TEXT    NOT NULL,
    updated_at                  TEXT    NOT NULL,
    deleted_at                  TEXT
);
-- Reservations whose conversations must be fetched again: durable, so an interrupted run loses nothing.
CREATE INDEX ix_reservations_conversations_due ON reservations (reservation_id)
    WHERE deleted_at IS NULL AND conversations_synced_activity IS NOT latest_activity_on;
CREATE INDEX ix_reservations_listing ON reservations (listing_id, arrival_date);
CREATE INDEX ix_reservations_guest ON reservations (guest_id);
CREATE INDEX ix_reservations_status ON reservations (status);
CREATE INDEX ix_reservations_arrival ON reservations (arrival_date);
CREATE INDEX ix_reservations_updated_on ON reservations (updated_on);

CREATE TABLE conversations (
    conversation_id         INTEGER PRIMARY KEY,
    reservation_id          INTEGER,                  -- Hostaway reservation id (may be absent from the store)
    listing_id              INTEGER,
    guest_id                INTEGER REFERENCES guests (guest_id),
    type                    TEXT,
    recipient_name          TEXT,
    has_unread_messages     INTEGER,
    message_sent_on         TEXT,
    message_received_on     TEXT,
    message_count           INTEGER NOT NULL DEFAULT 0,
    file_path               TEXT COLLATE NOCASE UNIQUE, -- relative to the conversations root
    raw_json                TEXT    NOT NULL,
    content_hash            TEXT    NOT NULL,
    first_seen_at           TEXT    NOT NULL,
    updated_at              TEXT    NOT NULL,
    deleted_at              TEXT
);
CREATE INDEX ix_conversations_reservation ON conversations (reservation_id);
CREATE INDEX ix_conversations_listing ON conversations (listing_id);

-- Message text lives in the conversation files; this table holds what users query on.
CREATE TABLE messages_metadata (
    message_id              INTEGER PRIMARY KEY,      -- Hostaway message id; negative for messages indexed from files without one
    conversation_id         INTEGER REFERENCES conversations (conversation_id),
    reservation_id          INTEGER,
    listing_id              INTEGER,
    direction               TEXT    NOT NULL CHECK (direction IN ('guest', 'host')),
    sent_at                 TEXT,
    communication_type      TEXT,
    status                  TEXT,
    message_source          TEXT,
    body_length             INTEGER NOT NULL DEFAULT 0,
    body_hash               TEXT,
    file_path               TEXT,                     -- relative to the conversations root
    file_position           INTEGER,                  -- 0-based ordinal of the message inside the file
    inserted_on             TEXT,
    updated_on              TEXT,
    raw_json                TEXT,                     -- the API object without its body
    content_hash            TEXT    NOT NULL,
    first_seen_at           TEXT    NOT NULL,
    updated_at              TEXT    NOT NULL
);
CREATE INDEX ix_messages_conversation ON messages_metadata (conversation_id, sent_at);
CREATE INDEX ix_messages_reservation ON messages_metadata (reservation_id);
CREATE INDEX ix_messages_listing_sent ON messages_metadata (listing_id, sent_at);
CREATE INDEX ix_messages_file ON messages_metadata (file_path, file_position);

-- Per-resource cursors and checkpoints, always written in the same transaction as the data they cover.
CREATE TABLE sync_state (
    resource        TEXT    PRIMARY KEY,
    cursor          TEXT,
    checkpoint      TEXT,
    last_full_sync_at       TEXT,
    last_success_at         TEXT,
    updated_at      TEXT    NOT NULL
);

-- Ids seen by the full pass in progress, committed page by page, so that a resumed full sync still knows
-- what it saw before the interruption and can mark the rest deleted when the pass completes.
CREATE TABLE sync_seen (
    resource    TEXT    NOT NULL,
    object_id   INTEGER NOT NULL,
    PRIMARY KEY (resource, object_id)
) WITHOUT ROWID;

CREATE TABLE sync_logs (
    sync_log_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id          TEXT    NOT NULL,
    resource        TEXT    NOT NULL,                 -- 'Run' for the whole run, else the resource name
    mode            TEXT    NOT NULL,                 -- Full, Incremental
    status          TEXT    NOT NULL,                 -- Running, Succeeded, Partial, Failed, Cancelled
    started_at      TEXT    NOT NULL,
    finished_at     TEXT,
    duration_ms     INTEGER,
    created         INTEGER NOT NULL DEFAULT 0,
    updated         INTEGER NOT NULL DEFAULT 0,
    unchanged       INTEGER NOT NULL DEFAULT 0,
    deleted         INTEGER NOT NULL DEFAULT 0,
    requests        INTEGER NOT NULL DEFAULT 0,
    retries         INTEGER NOT NULL DEFAULT 0,
    rate_limited    INTEGER NOT NULL DEFAULT 0,
    cursor_before   TEXT,
    cursor_after    TEXT,
    error_id        TEXT,
    error_message   TEXT,
    module_version  TEXT
);
CREATE INDEX ix_sync_logs_run ON sync_logs (run_id);
CREATE INDEX ix_sync_logs_started ON sync_logs (started_at);
