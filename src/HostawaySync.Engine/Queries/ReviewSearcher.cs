using System.Data.Common;
using Dapper;
using HostawaySync.Engine.Queries.Postgres;
using HostawaySync.Engine.Queries.Sqlite;
using HostawaySync.Engine.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HostawaySync.Engine.Queries;

/// <summary>
/// Full-text search over review text (public review, private feedback, response), with the message search's query language,
/// ranking (bm25, the same in both stores) and snippets; the texts are in the database, so each hit carries them.
/// </summary>
internal static class ReviewSearcher
{
    /// <summary>Reviews <c>v</c> with their reservation <c>r</c> and listing <c>l</c>.</summary>
    private static readonly SearchSource Source = new(
        "review_search", "review_id", "review_search_totals", "v.review_id", "ReviewId", Columns,
        key => $"""
            JOIN reviews v ON v.review_id = {key}
            LEFT JOIN reservations r ON r.reservation_id = v.reservation_id
            LEFT JOIN listings l ON l.listing_id = v.listing_id
            """);

    /// <summary>Validates the query now (a bad one throws before anything is read), then returns the results, best first.</summary>
    public static IEnumerable<ReviewSearchRecord> Search(StoreLocation location, ReviewSearchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var dialect = ReadDialect.For(location);
        if (dialect is PostgresReadDialect && filter.Syntax == MessageSearchSyntax.Fts5)
        {
            throw MessageSearchQuery.Fts5Unavailable(filter.Query);
        }

        var fts = MessageSearchQuery.ToFts5(filter.Query, filter.Syntax);
        var hits = Hits(dialect, filter, fts);
        return Results(hits, fts);
    }

    private static string Columns(ReadDialect d) => $"""
        v.review_id AS ReviewId, v.listing_id AS ListingId, coalesce(l.name, v.listing_name) AS ListingName, v.reservation_id AS ReservationId,
        r.guest_id AS GuestId, coalesce(r.guest_name, v.guest_name) AS GuestName, v.type AS Type, v.status AS Status, {d.Real("v.rating")} AS Rating,
        {d.InstantText("v.departure_at")} AS DepartureAt, v.public_review AS PublicReview, v.private_feedback AS PrivateFeedback,
        v.reviewee_response AS RevieweeResponse
        """;

    private static List<ReviewHit> Hits(ReadDialect dialect, ReviewSearchFilter filter, string fts)
    {
        using var connection = dialect.Open();
        if (connection.ExecuteScalar<long>(dialect.HasReviewsSql) == 0)
        {
            return [];
        }

        var query = new QueryBuilder(dialect);
        query.In("v.listing_id", filter.ListingIds);
        query.In("v.reservation_id", filter.ReservationIds);
        Guests(query, filter.GuestIds);
        if (filter.Scopes is { } scopes)
        {
            query.AnyOf(scopes.Select(s => (IReadOnlyList<(string, IReadOnlyList<long>?)>)
                [("v.reservation_id", s.ReservationIds), ("v.listing_id", s.ListingIds), ("r.guest_id", GuestsOf(s.GuestIds, dialect, connection))]).ToList());
        }

        query.InIgnoringCase("v.type", filter.Types);
        query.InIgnoringCase("v.status", filter.Statuses);
        query.Compare("v.rating", ">=", (double?)filter.MinRating);
        query.Compare("v.rating", "<=", (double?)filter.MaxRating);
        query.Compare("v.departure_at", ">=", dialect.Instant(filter.Since));
        query.Compare("v.departure_at", "<", dialect.Instant(filter.Until));
        if (!filter.IncludeDeleted)
        {
            query.Raw(LiveRows.Review("v"));
        }

        return connection switch
        {
            SqliteConnection sqlite => SqliteSearchHits.Find<ReviewHit>(sqlite, query, fts, filter.Query, filter.First, Source),
            NpgsqlConnection postgres => PostgresSearchHits.Find<ReviewHit>(postgres, query, MessageSearchQuery.Parse(filter.Query), filter.First, Source),
            _ => throw new InvalidOperationException("Unknown store connection."),
        };
    }

    /// <summary>Reviews of the reservations of these guests (a merged guest's id stands for the guest it was merged into).</summary>
    private static void Guests(QueryBuilder query, IReadOnlyList<long>? guestIds)
    {
        if (guestIds is { Count: > 0 })
        {
            var d = query.Dialect;
            query.Raw($"r.guest_id IN (SELECT coalesce(merged_into_guest_id, guest_id) FROM guests WHERE {d.In("guest_id", query.Add(d.Ids(guestIds)))})");
        }
    }

    /// <summary>Guest ids with merged ones replaced by the guest they were merged into, or null for none.</summary>
    private static List<long>? GuestsOf(IReadOnlyList<long>? guestIds, ReadDialect dialect, DbConnection connection)
    {
        if (guestIds is not { Count: > 0 })
        {
            return null;
        }

        var lookup = new QueryBuilder(dialect);
        lookup.In("guest_id", guestIds);
        return connection.Query<long>("SELECT coalesce(merged_into_guest_id, guest_id) FROM guests" + lookup.Where + ";", lookup.Parameters).Distinct().ToList();
    }

    private static IEnumerable<ReviewSearchRecord> Results(List<ReviewHit> hits, string fts)
    {
        using var snippets = hits.Count == 0 ? null : new MessageSnippets(fts);
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            yield return new ReviewSearchRecord
            {
                Rank = i + 1, Score = hit.Score, ReviewId = hit.ReviewId, ListingId = hit.ListingId, ListingName = hit.ListingName,
                ReservationId = hit.ReservationId, GuestId = hit.GuestId, GuestName = hit.GuestName, Type = hit.Type, Status = hit.Status,
                Rating = hit.Rating is { } rating ? (decimal)rating : null, DepartureAt = StoreClock.Parse(hit.DepartureAt),
                Snippet = snippets!.Of(ReviewText.Of(hit.PublicReview, hit.PrivateFeedback, hit.RevieweeResponse)),
                PublicReview = hit.PublicReview, PrivateFeedback = hit.PrivateFeedback, RevieweeResponse = hit.RevieweeResponse,
            };
        }
    }

    /// <summary>A review that matched, as the store returns it.</summary>
    private sealed class ReviewHit
    {
        public long ReviewId { get; set; }

        public long? ListingId { get; set; }

        public string? ListingName { get; set; }

        public long? ReservationId { get; set; }

        public long? GuestId { get; set; }

        public string? GuestName { get; set; }

        public string? Type { get; set; }

        public string? Status { get; set; }

        public double? Rating { get; set; }

        /// <summary>Store time text.</summary>
        public string? DepartureAt { get; set; }

        public string? PublicReview { get; set; }

        public string? PrivateFeedback { get; set; }

        public string? RevieweeResponse { get; set; }

        /// <summary>bm25 with its sign flipped: higher is better.</summary>
        public double Score { get; set; }
    }
}
