-- HostawaySync schema, version 3: reviews (GET /v1/reviews), both directions, with their category ratings, as SQLite's
-- version 6. A review names its listing and its reservation (the Hostaway integer id); its guest is the reservation's
-- deduplicated guest (reservations.guest_id). Neither needs to be in the store (a review may outlive a deleted
-- reservation), so there are no foreign keys to them. The review object has no update time: content_hash tells a
-- changed review from one read again unchanged.
CREATE TABLE reviews (
    review_id               bigint      PRIMARY KEY,  -- Hostaway review id
    listing_id              bigint,                   -- listingMapId
    reservation_id          bigint,                   -- Hostaway reservation id
    channel_id              bigint,
    type                    text,                     -- guest-to-host, host-to-guest
    status                  text,                     -- awaiting, pending, scheduled, submitted, published, expired
    rating                  numeric,                  -- 0 to 10
    public_review           text,
    private_feedback        text,
    reviewee_response       text,                     -- the host's response to a guest review
    is_reviewee_recommended boolean,
    is_cancelled            boolean,
    scheduled_at            timestamptz,
    arrival_at              timestamptz,
    departure_at            timestamptz,
    external_review_id      text,
    external_reservation_id text,
    listing_name            text,
    guest_name              text,
    category_count          integer     NOT NULL DEFAULT 0,
    raw_json                jsonb       NOT NULL,
    content_hash            text        NOT NULL,
    first_seen_at           timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    deleted_at              timestamptz
);
CREATE INDEX ix_reviews_listing ON reviews (listing_id, departure_at);
CREATE INDEX ix_reviews_reservation ON reviews (reservation_id);
CREATE INDEX ix_reviews_departure ON reviews (departure_at);

-- One row per category rating of a review (reviewCategory[]), replaced with the review.
CREATE TABLE review_categories (
    review_id   bigint  NOT NULL REFERENCES reviews (review_id),
    category    text    NOT NULL,
    rating      numeric,
    PRIMARY KEY (review_id, category)
);

-- Full-text search over review text (public review, private feedback, response), as message_search does for
-- messages: the terms SQLite's FTS5 tokenizer finds, keyed by review id, with bm25's collection totals.
CREATE TABLE review_search (
    review_id   bigint      PRIMARY KEY,
    body        tsvector    NOT NULL,
    tokens      integer     NOT NULL
);
CREATE INDEX ix_review_search_body ON review_search USING gin (body);
CREATE TABLE review_search_totals (
    indexed_messages    bigint  NOT NULL,   -- FTS5's row count (named as message_search_totals, so one search reads both)
    indexed_tokens      bigint  NOT NULL    -- FTS5's token total
);
CREATE UNIQUE INDEX ux_review_search_totals_one_row ON review_search_totals ((true));
INSERT INTO review_search_totals (indexed_messages, indexed_tokens) VALUES (0, 0);
