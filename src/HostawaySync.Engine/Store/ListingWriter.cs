using Dapper;
using HostawaySync.Engine.Api.Models;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>Upserts listings and their photo metadata. A listing whose raw JSON did not change is not touched.</summary>
internal static class ListingWriter
{
    private const string UpsertListing = $"""
        INSERT INTO listings (listing_id, name, internal_name, external_name, property_type_id, address, street, city, state, zipcode,
            country, country_code, latitude, longitude, person_capacity, bedrooms, bathrooms, price, currency_code, time_zone,
            special_status, photo_count, inserted_on, latest_activity_on, raw_json, content_hash, first_seen_at, updated_at, deleted_at)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19,
            $p20, $p21, $p22, $p23, $p24, $p25, $p26, $p26, NULL)
        {StoreUpserts.ListingConflict}
        """;

    private const string UpsertPhoto = $"""
        INSERT INTO listing_photos (photo_id, listing_id, url, caption, airbnb_caption, vrbo_caption, booking_engine_caption, sort_order, raw_json, content_hash, updated_at)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10)
        {StoreUpserts.PhotoConflict}
        """;

    /// <summary>Writes one page of listings; returns what changed. <paramref name="now"/> is the run's timestamp.</summary>
    public static UpsertCounts Write(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<HostawayListing> listings, bool storePhotos, string now)
    {
        var counts = new UpsertCounts();
        var existing = connection.Query<(long Id, string Hash, string? DeletedAt)>(
                "SELECT listing_id, content_hash, deleted_at FROM listings WHERE listing_id IN (SELECT value FROM json_each(@Ids));", new { Ids = JsonIds.Of(listings.Select(l => l.Id)) }, transaction)
            .ToDictionary(row => row.Id);
        using var upsert = new PreparedStatement(connection, transaction, UpsertListing, 27);
        using var photo = storePhotos ? new PreparedStatement(connection, transaction, UpsertPhoto, 11) : null;
        foreach (var listing in listings)
        {
            var hash = ContentHash.Of(listing.RawJson);
            var known = existing.TryGetValue(listing.Id, out var row);
            if (known && row.Hash == hash && row.DeletedAt is null)
            {
                counts.Unchanged++;
                continue;
            }

            upsert.Execute(
                listing.Id, listing.Name, listing.InternalName, listing.ExternalName, listing.PropertyTypeId, listing.Address, listing.Street, listing.City,
                listing.State, listing.Zipcode, listing.Country, listing.CountryCode, listing.Latitude, listing.Longitude, listing.PersonCapacity,
                listing.Bedrooms, listing.Bathrooms, listing.Price, listing.CurrencyCode, listing.TimeZone, listing.SpecialStatus, listing.Images.Count,
                StoreClock.Format(listing.InsertedOn), StoreClock.Format(listing.LatestActivityOn), listing.RawJson, hash, now);
            if (known)
            {
                counts.Updated++;
            }
            else
            {
                counts.Created++;
            }

            if (photo is not null)
            {
                WritePhotos(connection, transaction, photo, listing, now);
            }
        }

        return counts;
    }

    /// <summary>
    /// Makes sure a listing row exists for a reservation or conversation that names it (foreign keys): a listing
    /// missing from the listing endpoint is recorded as deleted until the API lists it again.
    /// </summary>
    public static void EnsureExists(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<long> listingIds, string now) =>
        connection.Execute(
            "INSERT OR IGNORE INTO listings (listing_id, raw_json, content_hash, first_seen_at, updated_at, deleted_at) SELECT value, '{}', '', @Now, @Now, @Now FROM json_each(@Ids);",
            new { Ids = JsonIds.Of(listingIds.Distinct()), Now = now }, transaction);

    private static void WritePhotos(SqliteConnection connection, SqliteTransaction transaction, PreparedStatement photo, HostawayListing listing, string now)
    {
        connection.Execute(
            "DELETE FROM listing_photos WHERE listing_id = @ListingId AND photo_id NOT IN (SELECT value FROM json_each(@Keep));",
            new { ListingId = listing.Id, Keep = JsonIds.Of(listing.Images.Select(i => i.Id)) }, transaction);
        foreach (var image in listing.Images)
        {
            photo.Execute(image.Id, listing.Id, image.Url, image.Caption, image.AirbnbCaption, image.VrboCaption, image.BookingEngineCaption, image.SortOrder,
                image.RawJson, ContentHash.Of(image.RawJson), now);
        }
    }
}
