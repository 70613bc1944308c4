using Dapper;
using HostawaySync.Engine.Api.Models;
using Npgsql;
using NpgsqlTypes;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Upserts reviews in PostgreSQL under <see cref="ReviewWriter"/>'s rules: a live review whose raw JSON did not change is
/// not touched; the changed ones of a page are written by one upsert from arrays, their category ratings replaced and
/// their search terms written in the same transaction.
/// </summary>
internal static class PostgresReviewWriter
{
    // $1 the time of the write; $2 to $23 one array per column of the rows.
    private const string Upsert = $"""
        INSERT INTO reviews (review_id, listing_id, reservation_id, channel_id, type, status, rating, public_review, private_feedback,
            reviewee_response, is_reviewee_recommended, is_cancelled, scheduled_at, arrival_at, departure_at, external_review_id,
            external_reservation_id, listing_name, guest_name, category_count, raw_json, content_hash, first_seen_at, updated_at, deleted_at)
        SELECT r.review_id, r.listing_id, r.reservation_id, r.channel_id, r.type, r.status, r.rating, r.public_review, r.private_feedback,
            r.reviewee_response, r.is_reviewee_recommended, r.is_cancelled, r.scheduled_at, r.arrival_at, r.departure_at, r.external_review_id,
            r.external_reservation_id, r.listing_name, r.guest_name, r.category_count, r.raw_json, r.content_hash, $1, $1, NULL::timestamptz
        FROM unnest($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23) AS r (review_id,
            listing_id, reservation_id, channel_id, type, status, rating, public_review, private_feedback, reviewee_response,
            is_reviewee_recommended, is_cancelled, scheduled_at, arrival_at, departure_at, external_review_id, external_reservation_id,
            listing_name, guest_name, category_count, raw_json, content_hash)
        {StoreUpserts.ReviewConflict}
        """;

    private const string InsertCategories = """
        INSERT INTO review_categories (review_id, category, rating)
        SELECT c.review_id, c.category, c.rating FROM unnest($1, $2, $3) AS c (review_id, category, rating);
        """;

    public static UpsertCounts Write(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresMessageSearch search, IReadOnlyList<HostawayReview> reviews, string now)
    {
        var counts = new UpsertCounts();
        var existing = connection.Query<(long Id, string Hash, DateTime? DeletedAt)>(
                "SELECT review_id, content_hash, deleted_at FROM reviews WHERE review_id = ANY(@Ids);", new { Ids = reviews.Select(r => r.Id).ToArray() }, transaction)
            .ToDictionary(row => row.Id);
        var rows = new Dictionary<long, (HostawayReview Review, string Hash)>();
        foreach (var review in reviews)
        {
            var hash = ContentHash.Of(review.RawJson);
            var known = existing.TryGetValue(review.Id, out var row);
            if (known && row.Hash == hash && row.DeletedAt is null)
            {
                counts.Unchanged++;
                continue;
            }

            // A review listed twice is stored as its last listing, as writing the rows one by one would leave it.
            rows[review.Id] = (review, hash);
            if (known)
            {
                counts.Updated++;
            }
            else
            {
                counts.Created++;
            }
        }

        if (rows.Count == 0)
        {
            return counts;
        }

        using (var upsert = new NpgsqlCommand(Upsert, connection, transaction))
        {
            new PostgresRowArrays<(HostawayReview R, string Hash)>(upsert, rows.Values)
                .Value(PostgresClock.Utc(now), NpgsqlDbType.TimestampTz)
                .Column(r => r.R.Id, NpgsqlDbType.Bigint)
                .Column(r => r.R.ListingId, NpgsqlDbType.Bigint)
                .Column(r => r.R.ReservationId, NpgsqlDbType.Bigint)
                .Column(r => r.R.ChannelId, NpgsqlDbType.Bigint)
                .Column(r => r.R.Type, NpgsqlDbType.Text)
                .Column(r => r.R.Status, NpgsqlDbType.Text)
                .Column(r => r.R.Rating, NpgsqlDbType.Numeric)
                .Column(r => r.R.PublicReview, NpgsqlDbType.Text)
                .Column(r => r.R.PrivateFeedback, NpgsqlDbType.Text)
                .Column(r => r.R.RevieweeResponse, NpgsqlDbType.Text)
                .Column(r => r.R.IsRevieweeRecommended, NpgsqlDbType.Boolean)
                .Column(r => r.R.IsCancelled, NpgsqlDbType.Boolean)
                .Column(r => PostgresClock.Utc(r.R.ScheduledAt), NpgsqlDbType.TimestampTz)
                .Column(r => PostgresClock.Utc(r.R.ArrivalAt), NpgsqlDbType.TimestampTz)
                .Column(r => PostgresClock.Utc(r.R.DepartureAt), NpgsqlDbType.TimestampTz)
                .Column(r => r.R.ExternalReviewId, NpgsqlDbType.Text)
                .Column(r => r.R.ExternalReservationId, NpgsqlDbType.Text)
                .Column(r => r.R.ListingName, NpgsqlDbType.Text)
                .Column(r => r.R.GuestName, NpgsqlDbType.Text)
                .Column(r => r.R.Categories.Count, NpgsqlDbType.Integer)
                .Column(r => r.R.RawJson, NpgsqlDbType.Jsonb)
                .Column(r => r.Hash, NpgsqlDbType.Text);
            upsert.ExecuteNonQuery();
        }

        var ids = rows.Keys.ToArray();
        connection.Execute("DELETE FROM review_categories WHERE review_id = ANY(@Ids);", new { Ids = ids }, transaction);
        var categories = rows.Values.SelectMany(r => r.Review.Categories.Select(c => (r.Review.Id, c.Category, c.Rating))).ToList();
        if (categories.Count > 0)
        {
            using var insert = new NpgsqlCommand(InsertCategories, connection, transaction);
            new PostgresRowArrays<(long Id, string Category, decimal? Rating)>(insert, categories)
                .Column(c => c.Id, NpgsqlDbType.Bigint)
                .Column(c => c.Category, NpgsqlDbType.Text)
                .Column(c => c.Rating, NpgsqlDbType.Numeric);
            insert.ExecuteNonQuery();
        }

        var texts = rows.Values.Select(r => (r.Review.Id, Text: ReviewText.Of(r.Review))).ToList();
        search.Remove(texts.Where(t => t.Text.Length == 0).Select(t => t.Id).ToList());
        search.Upsert(texts.Where(t => t.Text.Length > 0).ToList());
        return counts;
    }
}
