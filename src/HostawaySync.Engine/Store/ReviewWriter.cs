using Dapper;
using HostawaySync.Engine.Api.Models;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// Upserts reviews with their category ratings and search terms. A live review whose raw JSON did not change is not
/// touched (the review object has no update time; this is how a review read again is told from a changed one).
/// </summary>
internal static class ReviewWriter
{
    private const string UpsertReview = $"""
        INSERT INTO reviews (review_id, listing_id, reservation_id, channel_id, type, status, rating, public_review, private_feedback,
            reviewee_response, is_reviewee_recommended, is_cancelled, scheduled_at, arrival_at, departure_at, external_review_id,
            external_reservation_id, listing_name, guest_name, category_count, raw_json, content_hash, first_seen_at, updated_at, deleted_at)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19, $p20, $p21, $p22, $p22, NULL)
        {StoreUpserts.ReviewConflict}
        """;

    private const string InsertCategory = "INSERT OR REPLACE INTO review_categories (review_id, category, rating) VALUES ($p0, $p1, $p2);";

    // contentless_delete makes REPLACE remove the old terms first, as in message_search.
    private const string UpsertSearch = "INSERT OR REPLACE INTO review_search (rowid, body) VALUES ($p0, $p1);";

    /// <summary>Writes one page of reviews; returns what changed. <paramref name="now"/> is the run's timestamp.</summary>
    public static UpsertCounts Write(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<HostawayReview> reviews, string now)
    {
        var counts = new UpsertCounts();
        var existing = connection.Query<(long Id, string Hash, string? DeletedAt)>(
                "SELECT review_id, content_hash, deleted_at FROM reviews WHERE review_id IN (SELECT value FROM json_each(@Ids));",
                new { Ids = JsonIds.Of(reviews.Select(r => r.Id)) }, transaction)
            .ToDictionary(row => row.Id);
        using var upsert = new PreparedStatement(connection, transaction, UpsertReview, 23);
        using var category = new PreparedStatement(connection, transaction, InsertCategory, 3);
        using var search = new PreparedStatement(connection, transaction, UpsertSearch, 2);
        foreach (var review in reviews)
        {
            var hash = ContentHash.Of(review.RawJson);
            var known = existing.TryGetValue(review.Id, out var row);
            if (known && row.Hash == hash && row.DeletedAt is null)
            {
                counts.Unchanged++;
                continue;
            }

            upsert.Execute(
                review.Id, review.ListingId, review.ReservationId, review.ChannelId, review.Type, review.Status, review.Rating, review.PublicReview,
                review.PrivateFeedback, review.RevieweeResponse, review.IsRevieweeRecommended, review.IsCancelled, StoreClock.Format(review.ScheduledAt),
                StoreClock.Format(review.ArrivalAt), StoreClock.Format(review.DepartureAt), review.ExternalReviewId, review.ExternalReservationId,
                review.ListingName, review.GuestName, review.Categories.Count, review.RawJson, hash, now);
            connection.Execute("DELETE FROM review_categories WHERE review_id = @Id;", new { review.Id }, transaction);
            foreach (var rating in review.Categories)
            {
                category.Execute(review.Id, rating.Category, rating.Rating);
            }

            var text = ReviewText.Of(review);
            if (text.Length > 0)
            {
                search.Execute(review.Id, text);
            }
            else if (known)
            {
                connection.Execute("DELETE FROM review_search WHERE rowid = @Id;", new { review.Id }, transaction);
            }

            if (known)
            {
                counts.Updated++;
            }
            else
            {
                counts.Created++;
            }
        }

        return counts;
    }
}
