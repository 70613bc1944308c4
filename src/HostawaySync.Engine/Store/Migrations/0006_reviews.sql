-- HostawaySync schema, version 6: reviews (GET /v1/reviews), both directions, with their category ratings.
-- A review names its listing and its reservation (the Hostaway integer id); its guest is the reservation's
-- deduplicated guest (reservations.guest_id), so it is not stored twice. Neither needs to be in the store (a review
-- may outlive a deleted reservation), so there are no foreign keys to them. arrival_at and departure_at are the
-- stay's times as the review states them (the API sends timestamps there, although its docs say dates).
-- The review object has no update time: content_hash tells a changed review from one read again unchanged.
CREATE TABLE reviews (
    review_id               INTEGER PRIMARY KEY,      -- Hostaway review id
    listing_id              INTEGER,                  -- listingMapId
    reservation_id          INTEGER,                  -- Hostaway reservation id
    channel_id              INTEGER,
    type                    TEXT,                     -- guest-to-host, host-to-guest
    status                  TEXT,                     -- awaiting, pending, scheduled, submitted, published, expired
    rating                  REAL,                     -- 0 to 10
    public_review           TEXT,
    private_feedback        TEXT,
    reviewee_response       TEXT,                     -- the host's response to a guest review
    is_reviewee_recommended INTEGER,
    is_cancelled            INTEGER,
    scheduled_at            TEXT,
    arrival_at              TEXT,
    departure_at            TEXT,
    external_review_id      TEXT,
    external_reservation_id TEXT,
    listing_name            TEXT,
    guest_name              TEXT,
    category_count          INTEGER NOT NULL DEFAULT 0,
    raw_json                TEXT    NOT NULL,
    content_hash            TEXT    NOT NULL,
    first_seen_at           TEXT    NOT NULL,
    updated_at              TEXT    NOT NULL,
    deleted_at              TEXT
);
CREATE INDEX ix_reviews_listing ON reviews (listing_id, departure_at);
CREATE INDEX ix_reviews_reservation ON reviews (reservation_id);
CREATE INDEX ix_reviews_departure ON reviews (departure_at);

-- One row per category rating of a review (reviewCategory[]), replaced with the review.
CREATE TABLE review_categories (
    review_id   INTEGER NOT NULL REFERENCES reviews (review_id),
    category    TEXT    NOT NULL,
    rating      REAL,
    PRIMARY KEY (review_id, category)
) WITHOUT ROWID;

-- Full-text search over review text (public review, private feedback, response), as message_search does for
-- messages: contentless, keyed by review id, the same tokenizer, written with the review.
CREATE VIRTUAL TABLE review_search USING fts5(
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
