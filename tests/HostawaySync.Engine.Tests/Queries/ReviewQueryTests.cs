using System.Data.Common;
using Dapper;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Postgres;
using HostawaySync.Engine.Tests.Postgres;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Tests.Queries;

/// <summary>
/// StoreReader.Reviews and the review figures of listings and guests, on a small hand-made store written the same way
/// into SQLite and PostgreSQL, so each assertion runs on both: every filter, the guest link through a merged guest, the
/// names that fall back to the review's own, deleted reviews and reviews of deleted reservations, and a database from
/// before reviews.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class ReviewQueryTests(PostgresServer server) : IDisposable
{
    // Live order: departure, then id. 1005 (its reservation deleted) and 1007 (deleted) only with IncludeDeleted.
    private static readonly long[] Live = [1008, 1001, 1003, 1002, 1004, 1006];

    private static readonly DateTime March5 = new(2026, 3, 5, 10, 0, 0, DateTimeKind.Utc);

    private readonly TempFolder _temp = new();
    private readonly List<PostgresDatabase> _databases = [];

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        _temp.Dispose();
    }

    [PostgresFact]
    public void Reviews_come_by_departure_then_id_without_deleted_ones()
    {
        foreach (var store in Stores())
        {
            Assert.Equal(Live, Ids(store, new ReviewFilter()));
            Assert.Equal([1008, 1005, 1001, 1003, 1002, 1004, 1006, 1007], Ids(store, new ReviewFilter(IncludeDeleted: true)));
        }
    }

    [PostgresFact]
    public void A_review_carries_its_listing_guest_channel_and_categories()
    {
        foreach (var store in Stores())
        {
            var reviews = StoreReader.Reviews(store, new ReviewFilter()).ToDictionary(r => r.ReviewId);
            var review = reviews[1001];
            Assert.Equal((1L, "Loft Mitte", 100L, 10L, "Ana Silva"), (review.ListingId!.Value, review.ListingName, review.ReservationId!.Value, review.GuestId!.Value, review.GuestName));
            Assert.Equal((2000L, "airbnbOfficial", "guest-to-host", "published", 9.0), (review.ChannelId!.Value, review.ChannelName, review.Type, review.Status, review.Rating!.Value));
            Assert.Equal("Quiet \"loft\",\nlovely 🌿", review.PublicReview);
            Assert.Equal(("Thanks!", "Fix the tap", true, false), (review.RevieweeResponse, review.PrivateFeedback, review.IsRecommended, review.IsCancelled));
            Assert.Equal(March5, review.DepartureAt);
            Assert.Equal(DateTimeKind.Utc, review.DepartureAt!.Value.Kind);
            Assert.Equal(March5.AddDays(-3), review.ArrivalAt);
            Assert.Equal("HMREVIEW1", review.ExternalReviewId);
            Assert.Null(review.DeletedAt);
            Assert.Equal(
                ["accuracy=9", "checkin=8", "cleanliness=10", "communication=9", "location=10", "value=9.5", "wifi_quality=7"],
                review.CategoryRatings.Select(c => FormattableString.Invariant($"{c.Category}={c.Rating}")));

            // A review of a deleted listing keeps its name; one of a listing not stored takes the review's own names.
            Assert.Equal("Old Barn", reviews[1004].ListingName);
            Assert.Equal(("Review-named listing", null, "Walk In", null), (reviews[1006].ListingName, reviews[1006].GuestId, reviews[1006].GuestName, reviews[1006].ChannelName));
            Assert.Empty(reviews[1006].CategoryRatings);
            Assert.Null(reviews[1006].Rating);
            Assert.Null(reviews[1006].IsRecommended);
        }
    }

    [PostgresFact]
    public void A_review_of_a_merged_guests_reservation_belongs_to_the_guest_it_was_merged_into()
    {
        foreach (var store in Stores())
        {
            var review = StoreReader.Reviews(store, new ReviewFilter(Ids: [1002])).Single();
            Assert.Equal((10L, "Ana Silva"), (review.GuestId!.Value, review.GuestName));

            Assert.Equal([1001, 1003, 1002], Ids(store, new ReviewFilter(GuestIds: [10])));
            Assert.Equal([1001, 1003, 1002], Ids(store, new ReviewFilter(GuestIds: [11])));
            Assert.Equal([1008, 1004], Ids(store, new ReviewFilter(GuestIds: [12])));
            Assert.Equal([1008, 1005, 1004], Ids(store, new ReviewFilter(GuestIds: [12], IncludeDeleted: true)));
            Assert.Empty(Ids(store, new ReviewFilter(GuestIds: [999])));
        }
    }

    [PostgresFact]
    public void Every_filter_narrows_the_reviews()
    {
        foreach (var store in Stores())
        {
            Assert.Equal([1003], Ids(store, new ReviewFilter(Ids: [1003, 1005])));
            Assert.Equal([1005, 1003], Ids(store, new ReviewFilter(Ids: [1003, 1005], IncludeDeleted: true)));
            Assert.Equal([1008, 1004], Ids(store, new ReviewFilter(ListingIds: [2])));
            Assert.Equal([1001, 1003, 1002, 1006], Ids(store, new ReviewFilter(ListingIds: [1, 3])));
            Assert.Equal([1001, 1003], Ids(store, new ReviewFilter(ReservationIds: [100])));
            Assert.Empty(Ids(store, new ReviewFilter(ReservationIds: [103])));
            Assert.Equal([1005], Ids(store, new ReviewFilter(ReservationIds: [103], IncludeDeleted: true)));
            Assert.Equal([1003], Ids(store, new ReviewFilter(Types: ["HOST-to-guest"])));
            Assert.Equal([1008, 1001, 1002, 1004, 1006], Ids(store, new ReviewFilter(Types: ["guest-to-host"])));
            Assert.Equal([1001, 1003, 1002], Ids(store, new ReviewFilter(Statuses: ["Published"])));
            Assert.Equal([1008, 1004, 1006], Ids(store, new ReviewFilter(Statuses: ["expired", "submitted", "awaiting"])));
            Assert.Equal([1001, 1003, 1002], Ids(store, new ReviewFilter(MinRating: 6)));
            Assert.Equal([1002, 1004], Ids(store, new ReviewFilter(MaxRating: 6.25)));
            Assert.Equal([1004], Ids(store, new ReviewFilter(MaxRating: 6.2)));
            Assert.Equal([1001, 1002], Ids(store, new ReviewFilter(MinRating: 5, MaxRating: 9)));
            Assert.Equal([1001, 1003, 1002, 1004, 1006], Ids(store, new ReviewFilter(Since: March5)));
            Assert.Equal([1008, 1001, 1003], Ids(store, new ReviewFilter(Until: March5.AddDays(36))));
            Assert.Equal([1001, 1003], Ids(store, new ReviewFilter(Since: March5, Until: March5.AddSeconds(1))));
            Assert.Equal([1002], Ids(store, new ReviewFilter(ListingIds: [1], GuestIds: [11], ReservationIds: [101], Types: ["guest-to-host"], MinRating: 1)));
        }
    }

    [PostgresFact]
    public void Listings_and_guests_carry_the_count_and_average_of_their_live_rated_guest_reviews()
    {
        foreach (var store in Stores())
        {
            var listings = StoreReader.Listings(store, new ListingFilter(IncludeDeleted: true)).ToDictionary(l => l.ListingId);
            // 1001 (9) and 1002 (6.25); not the host's review 1003, nor 1005 (reservation deleted) or 1007 (deleted).
            Assert.Equal((2, 7.63), (listings[1].ReviewCount, listings[1].AverageRating));
            // 1004 (4); 1008 has no rating.
            Assert.Equal((1, 4.0), (listings[2].ReviewCount, listings[2].AverageRating));
            Assert.Equal((0, null), (listings[4].ReviewCount, listings[4].AverageRating));

            var guests = StoreReader.Guests(store, new GuestFilter()).ToDictionary(g => g.GuestId);
            // Ana rated 1001 and, as the merged guest 11, 1002.
            Assert.Equal((2, 7.63), (guests[10].ReviewCount, guests[10].AverageRating));
            Assert.Equal((1, 4.0), (guests[12].ReviewCount, guests[12].AverageRating));
            Assert.Equal((0, null), (guests[13].ReviewCount, guests[13].AverageRating));
            Assert.DoesNotContain(11L, guests.Keys);
        }
    }

    [PostgresFact]
    public void A_database_from_before_reviews_has_no_reviews_and_no_review_figures()
    {
        var sqlite = _temp.Combine("old.db");
        DatabaseInitializer.Initialize(sqlite, null, 5);
        using (var connection = new SqliteConnection($"Data Source={sqlite}"))
        {
            connection.Open();
            connection.Execute(StoreRows);
        }

        var database = new PostgresDatabase(server.AdminConnectionString);
        _databases.Add(database);
        PostgresDatabaseInitializer.Initialize(database.ConnectionString, "hostaway", null, 2);
        using (var connection = database.Open())
        {
            connection.Execute("SET search_path TO hostaway;" + StoreRows);
        }

        foreach (StoreLocation store in new StoreLocation[] { sqlite, StoreLocation.FromUrl(database.ConnectionString) })
        {
            Assert.Empty(StoreReader.Reviews(store, new ReviewFilter(IncludeDeleted: true)));
            var listings = StoreReader.Listings(store, new ListingFilter(IncludeDeleted: true)).ToList();
            Assert.Equal(3, listings.Count);
            Assert.All(listings, l => Assert.Equal((0, null), (l.ReviewCount, l.AverageRating)));
            var guests = StoreReader.Guests(store, new GuestFilter()).ToList();
            Assert.Equal([10L, 12, 13], guests.Select(g => g.GuestId));
            Assert.All(guests, g => Assert.Equal((0, null), (g.ReviewCount, g.AverageRating)));
        }
    }

    private static List<long> Ids(StoreLocation store, ReviewFilter filter) => StoreReader.Reviews(store, filter).Select(r => r.ReviewId).ToList();

    /// <summary>The store in SQLite and in PostgreSQL, at the current schema, with the rows below.</summary>
    private IEnumerable<StoreLocation> Stores()
    {
        var sqlite = _temp.Combine(Guid.NewGuid().ToString("N") + ".db");
        DatabaseInitializer.Initialize(sqlite);
        using (var connection = new SqliteConnection($"Data Source={sqlite}"))
        {
            connection.Open();
            Fill(connection, string.Empty);
        }

        yield return sqlite;

        var database = new PostgresDatabase(server.AdminConnectionString);
        _databases.Add(database);
        PostgresDatabaseInitializer.Initialize(database.ConnectionString);
        using (var connection = database.Open())
        {
            Fill(connection, "SET search_path TO hostaway;");
        }

        yield return StoreLocation.FromUrl(database.ConnectionString);
    }

    private static void Fill(DbConnection connection, string prefix) => connection.Execute(prefix + StoreRows + ReviewRows);

    // Listing 2 is deleted (its reviews stay live), listing 3 is not stored. Guest 11 was merged into 10; reservation 101
    // still names 11. Reservation 103 is deleted. Flags are written as '1'/'0', which both stores read as their type.
    private const string StoreRows = """
        INSERT INTO listings (listing_id, name, raw_json, content_hash, first_seen_at, updated_at, deleted_at) VALUES
            (1, 'Loft Mitte', '{"id":1}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL),
            (2, 'Old Barn', '{"id":2}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z'),
            (4, 'Empty Studio', '{"id":4}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL);
        INSERT INTO guests (guest_id, full_name, merged_into_guest_id, created_at, updated_at) VALUES
            (10, 'Ana Silva', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
            (11, 'Ana S.', 10, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
            (12, 'Bo Chen', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
            (13, 'Cy Doe', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
        INSERT INTO reservations (reservation_id, listing_id, guest_id, channel_name, guest_name, raw_json, content_hash, first_seen_at, updated_at, deleted_at) VALUES
            (100, 1, 10, 'airbnbOfficial', 'Ana Silva', '{}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL),
            (101, 1, 11, 'bookingcom', 'Ana S.', '{}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL),
            (102, 2, 12, 'vrboical', 'Bo Chen', '{}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL),
            (103, 1, 12, 'airbnbOfficial', 'Bo Chen', '{}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z'),
            (104, 4, 13, 'direct', 'Cy Doe', '{}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL);
        """;

    private const string ReviewRows = """
        INSERT INTO reviews (review_id, listing_id, reservation_id, channel_id, type, status, rating, public_review, private_feedback, reviewee_response,
                             is_reviewee_recommended, is_cancelled, arrival_at, departure_at, external_review_id, listing_name, guest_name,
                             raw_json, content_hash, first_seen_at, updated_at, deleted_at) VALUES
            (1001, 1, 100, 2000, 'guest-to-host', 'published', 9, 'Quiet "loft",
        lovely 🌿', 'Fix the tap', 'Thanks!', '1', '0', '2026-03-02T10:00:00Z', '2026-03-05T10:00:00Z', 'HMREVIEW1', 'Loft', 'Ana', '{}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL),
            (1002, 1, 101, 2005, 'guest-to-host', 'published', 6.25, NULL, NULL, NULL, NULL, '0', NULL, '2026-04-10T10:00:00Z', NULL, NULL, NULL, '{}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL),
            (1003, 1, 100, 2000, 'host-to-guest', 'published', 10, 'Great guest', NULL, NULL, '1', '0', NULL, '2026-03-05T10:00:00Z', NULL, NULL, NULL, '{}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL),
            (1004, 2, 102, 2002, 'guest-to-host', 'submitted', 4, 'Cold', NULL, NULL, NULL, NULL, NULL, '2026-05-01T10:00:00Z', NULL, 'Barn', NULL, '{}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL),
            (1005, 1, 103, 2000, 'guest-to-host', 'published', 2, 'Bad', NULL, NULL, NULL, NULL, NULL, '2026-02-01T10:00:00Z', NULL, NULL, NULL, '{}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL),
            (1006, 3, NULL, 2000, 'guest-to-host', 'awaiting', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-06-01T10:00:00Z', NULL, 'Review-named listing', 'Walk In', '{}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL),
            (1007, 1, 101, 2005, 'guest-to-host', 'published', 8, NULL, NULL, NULL, NULL, NULL, NULL, '2026-07-01T10:00:00Z', NULL, NULL, NULL, '{}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-07-02T00:00:00Z'),
            (1008, 2, 102, 2002, 'guest-to-host', 'expired', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-01-15T10:00:00Z', NULL, NULL, NULL, '{}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL);
        INSERT INTO review_categories (review_id, category, rating) VALUES
            (1001, 'cleanliness', 10), (1001, 'communication', 9), (1001, 'accuracy', 9), (1001, 'checkin', 8), (1001, 'location', 10),
            (1001, 'value', 9.5), (1001, 'wifi_quality', 7), (1002, 'staff', 5), (1002, 'value_for_money', 6), (1003, 'respect_house_rules', 10);
        """;
}
