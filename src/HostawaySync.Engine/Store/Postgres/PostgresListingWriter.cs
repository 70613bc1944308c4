using Dapper;
using HostawaySync.Engine.Api.Models;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Upserts listings and their photos in PostgreSQL with <see cref="ListingWriter"/>'s rules: a listing whose raw JSON
/// (hashed as the API sent it) did not change and that is live is not touched; a placeholder or deleted one is rewritten.
/// </summary>
internal static class PostgresListingWriter
{
    private const string UpsertListing = $"""
        INSERT INTO listings (listing_id, name, internal_name, external_name, property_type_id, address, street, city, state, zipcode,
            country, country_code, latitude, longitude, person_capacity, bedrooms, bathrooms, price, currency_code, time_zone,
            special_status, photo_count, inserted_on, latest_activity_on, raw_json, content_hash, first_seen_at, updated_at, deleted_at)
        VALUES (@Id, @Name, @InternalName, @ExternalName, @PropertyTypeId, @Address, @Street, @City, @State, @Zipcode, @Country, @CountryCode,
            @Latitude, @Longitude, @PersonCapacity, @Bedrooms, @Bathrooms, @Price, @CurrencyCode, @TimeZone, @SpecialStatus, @PhotoCount,
            @InsertedOn, @LatestActivityOn, @RawJson, @Hash, @Now, @Now, NULL)
        {StoreUpserts.ListingConflict}
        """;

    private const string UpsertPhoto = $"""
        INSERT INTO listing_photos (photo_id, listing_id, url, caption, airbnb_caption, vrbo_caption, booking_engine_caption, sort_order, raw_json, content_hash, updated_at)
        VALUES (@Id, @ListingId, @Url, @Caption, @AirbnbCaption, @VrboCaption, @BookingEngineCaption, @SortOrder, @RawJson, @Hash, @Now)
        {StoreUpserts.PhotoConflict}
        """;

    public static UpsertCounts Write(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<HostawayListing> listings, bool storePhotos, string now)
    {
        var counts = new UpsertCounts();
        var at = PostgresClock.Utc(now);
        var existing = connection.Query<(long Id, string Hash, DateTime? DeletedAt)>(
                "SELECT listing_id, content_hash, deleted_at FROM listings WHERE listing_id = ANY(@Ids);", new { Ids = listings.Select(l => l.Id).ToArray() }, transaction)
            .ToDictionary(row => row.Id);
        foreach (var listing in listings)
        {
            var hash = ContentHash.Of(listing.RawJson);
            var known = existing.TryGetValue(listing.Id, out var row);
            if (known && row.Hash == hash && row.DeletedAt is null)
            {
                counts.Unchanged++;
                continue;
            }

            connection.Execute(UpsertListing, new
            {
                listing.Id, Name = Clean(listing.Name), InternalName = Clean(listing.InternalName), ExternalName = Clean(listing.ExternalName), listing.PropertyTypeId,
                Address = Clean(listing.Address), Street = Clean(listing.Street), City = Clean(listing.City), State = Clean(listing.State), Zipcode = Clean(listing.Zipcode),
                Country = Clean(listing.Country), CountryCode = Clean(listing.CountryCode), listing.Latitude, listing.Longitude, listing.PersonCapacity,
                listing.Bedrooms, listing.Bathrooms, listing.Price, CurrencyCode = Clean(listing.CurrencyCode), TimeZone = Clean(listing.TimeZone),
                SpecialStatus = Clean(listing.SpecialStatus), PhotoCount = listing.Images.Count,
                InsertedOn = PostgresClock.Utc(listing.InsertedOn), LatestActivityOn = PostgresClock.Utc(listing.LatestActivityOn),
                RawJson = TypedParameter.Jsonb(listing.RawJson), Hash = hash, Now = at,
            }, transaction);
            if (known)
            {
                counts.Updated++;
            }
            else
            {
                counts.Created++;
            }

            if (storePhotos)
            {
                WritePhotos(connection, transaction, listing, at);
            }
        }

        return counts;
    }

    /// <summary>Placeholder listings for ids that reservations or conversations name (foreign keys), recorded as deleted, as in SQLite.</summary>
    public static void EnsureExists(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<long> listingIds, DateTime? now) =>
        connection.Execute(
            """
            INSERT INTO listings (listing_id, raw_json, content_hash, first_seen_at, updated_at, deleted_at)
            SELECT id, '{}'::jsonb, '', @Now, @Now, @Now FROM unnest(@Ids) AS ids (id) ON CONFLICT DO NOTHING;
            """,
            new { Ids = listingIds.Distinct().ToArray(), Now = now }, transaction);

    private static void WritePhotos(NpgsqlConnection connection, NpgsqlTransaction transaction, HostawayListing listing, DateTime? now)
    {
        connection.Execute(
            "DELETE FROM listing_photos WHERE listing_id = @ListingId AND NOT (photo_id = ANY(@Keep));",
            new { ListingId = listing.Id, Keep = listing.Images.Select(i => i.Id).ToArray() }, transaction);
        foreach (var image in listing.Images)
        {
            connection.Execute(UpsertPhoto, new
            {
                image.Id, ListingId = listing.Id, Url = Clean(image.Url), Caption = Clean(image.Caption), AirbnbCaption = Clean(image.AirbnbCaption),
                VrboCaption = Clean(image.VrboCaption), BookingEngineCaption = Clean(image.BookingEngineCaption), image.SortOrder,
                RawJson = TypedParameter.Jsonb(image.RawJson), Hash = ContentHash.Of(image.RawJson), Now = now,
            }, transaction);
        }
    }

    // PostgreSQL cannot store NUL (see PostgresText).
    private static string? Clean(string? text) => PostgresText.Clean(text);
}
