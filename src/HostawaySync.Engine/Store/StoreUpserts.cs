namespace HostawaySync.Engine.Store;

/// <summary>
/// The conflict clauses of the upserts both stores run. SQLite (3.35 and later) and PostgreSQL read ON CONFLICT ... DO
/// UPDATE with <c>excluded</c> alike, so each store writes only its own VALUES (positional in SQLite, named in PostgreSQL)
/// and what counts as a change is stated once.
/// </summary>
internal static class StoreUpserts
{
    public const string ListingConflict = """
        ON CONFLICT (listing_id) DO UPDATE SET name = excluded.name, internal_name = excluded.internal_name, external_name = excluded.external_name,
        property_type_id = excluded.property_type_id, address = excluded.address, street = excluded.street, city = excluded.city,
        state = excluded.state, zipcode = excluded.zipcode, country = excluded.country, country_code = excluded.country_code,
        latitude = excluded.latitude, longitude = excluded.longitude, person_capacity = excluded.person_capacity,
        bedrooms = excluded.bedrooms, bathrooms = excluded.bathrooms, price = excluded.price, currency_code = excluded.currency_code,
        time_zone = excluded.time_zone, special_status = excluded.special_status, photo_count = excluded.photo_count,
        inserted_on = excluded.inserted_on, latest_activity_on = excluded.latest_activity_on, raw_json = excluded.raw_json,
        content_hash = excluded.content_hash, updated_at = excluded.updated_at, deleted_at = NULL;
        """;

    public const string PhotoConflict = """
        ON CONFLICT (photo_id) DO UPDATE SET listing_id = excluded.listing_id, url = excluded.url, caption = excluded.caption,
        airbnb_caption = excluded.airbnb_caption, vrbo_caption = excluded.vrbo_caption, booking_engine_caption = excluded.booking_engine_caption,
        sort_order = excluded.sort_order, raw_json = excluded.raw_json, content_hash = excluded.content_hash, updated_at = excluded.updated_at
        WHERE listing_photos.content_hash <> excluded.content_hash OR listing_photos.listing_id <> excluded.listing_id;
        """;

    public const string ConversationConflict = """
        ON CONFLICT (conversation_id) DO UPDATE SET reservation_id = excluded.reservation_id, listing_id = excluded.listing_id,
        guest_id = excluded.guest_id, type = excluded.type, recipient_name = excluded.recipient_name,
        has_unread_messages = excluded.has_unread_messages, message_sent_on = excluded.message_sent_on,
        message_received_on = excluded.message_received_on, raw_json = excluded.raw_json, content_hash = excluded.content_hash,
        list_mark = excluded.list_mark, updated_at = excluded.updated_at, deleted_at = NULL;
        """;

    public const string MessageConflict = """
        ON CONFLICT (message_id) DO UPDATE SET conversation_id = excluded.conversation_id, reservation_id = excluded.reservation_id,
        listing_id = excluded.listing_id, direction = excluded.direction, sent_at = excluded.sent_at, communication_type = excluded.communication_type,
        status = excluded.status, message_source = excluded.message_source, body_length = excluded.body_length, body_hash = excluded.body_hash,
        file_path = excluded.file_path, file_position = excluded.file_position, inserted_on = excluded.inserted_on, updated_on = excluded.updated_on,
        raw_json = excluded.raw_json, content_hash = excluded.content_hash, updated_at = excluded.updated_at
        WHERE messages_metadata.content_hash <> excluded.content_hash OR messages_metadata.body_hash IS NULL;
        """;

    public const string ReviewConflict = """
        ON CONFLICT (review_id) DO UPDATE SET listing_id = excluded.listing_id, reservation_id = excluded.reservation_id,
        channel_id = excluded.channel_id, type = excluded.type, status = excluded.status, rating = excluded.rating,
        public_review = excluded.public_review, private_feedback = excluded.private_feedback, reviewee_response = excluded.reviewee_response,
        is_reviewee_recommended = excluded.is_reviewee_recommended, is_cancelled = excluded.is_cancelled, scheduled_at = excluded.scheduled_at,
        arrival_at = excluded.arrival_at, departure_at = excluded.departure_at, external_review_id = excluded.external_review_id,
        external_reservation_id = excluded.external_reservation_id, listing_name = excluded.listing_name, guest_name = excluded.guest_name,
        category_count = excluded.category_count, raw_json = excluded.raw_json, content_hash = excluded.content_hash,
        updated_at = excluded.updated_at, deleted_at = NULL;
        """;
}
