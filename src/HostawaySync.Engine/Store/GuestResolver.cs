using Dapper;
using HostawaySync.Engine.Api.Models;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// Finds or creates the guest of a reservation. Two reservations belong to the same guest when their
/// normalized email (trimmed, case-insensitive) or their non-empty channel guest account id match,
/// transitively. Every reservation also keys its own guest, so a guest is found again on every sync. A
/// guest's id never changes because reservations arrive; when a reservation proves two known guests are one,
/// the older id survives, the merge is recorded, and every row that pointed at the other follows it.
/// </summary>
internal static class GuestResolver
{
    public static string? NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.ToLowerInvariant();
    }

    /// <summary>Returns the guest id for the reservation; creates keys, guests and merges as needed.</summary>
    public static long Resolve(SqliteConnection connection, SqliteTransaction transaction, HostawayReservation reservation, string now)
    {
        var keys = KeysOf(reservation);
        var owners = new SortedSet<long>();
        foreach (var (type, value) in keys)
        {
            var owner = connection.ExecuteScalar<long?>(
                "SELECT guest_id FROM guest_identity_keys WHERE key_type = @Type AND key_value = @Value;", new { Type = type, Value = value }, transaction);
            if (owner is { } id)
            {
                owners.Add(id);
            }
        }

        long guestId;
        if (owners.Count == 0)
        {
            guestId = connection.ExecuteScalar<long>(
                "INSERT INTO guests (created_at, updated_at) VALUES (@Now, @Now) RETURNING guest_id;", new { Now = now }, transaction);
        }
        else
        {
            guestId = owners.Min;
            foreach (var merged in owners.Where(id => id != guestId))
            {
                Merge(connection, transaction, merged, guestId, reservation.Id, now);
            }
        }

        foreach (var (type, value) in keys)
        {
            connection.Execute(
                "INSERT INTO guest_identity_keys (key_type, key_value, guest_id) VALUES (@Type, @Value, @Guest) ON CONFLICT (key_type, key_value) DO NOTHING;",
                new { Type = type, Value = value, Guest = guestId }, transaction);
        }

        return guestId;
    }

    /// <summary>Recomputes name, contact details, counts and stay dates of these guests from their live reservations; touches only guests whose values changed.</summary>
    public static void Refresh(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<long> guestIds, string now)
    {
        foreach (var guestId in guestIds.Distinct())
        {
            var latest = connection.QueryFirstOrDefault<GuestValues>(
                """
                SELECT guest_name AS FullName, guest_first_name AS FirstName, guest_last_name AS LastName, phone AS Phone, city AS City, country AS Country,
                       locale AS Locale
                FROM (SELECT r.guest_name, r.guest_first_name, r.guest_last_name, r.guest_phone AS phone,
                             json_extract(r.raw_json, '$.guestCity') AS city, json_extract(r.raw_json, '$.guestCountry') AS country,
                             json_extract(r.raw_json, '$.guestLocale') AS locale, r.arrival_date, r.reservation_id
                      FROM reservations r WHERE r.guest_id = @Id AND r.deleted_at IS NULL
                      ORDER BY r.arrival_date DESC, r.reservation_id DESC LIMIT 1);
                """, new { Id = guestId }, transaction) ?? new GuestValues();
            var email = connection.ExecuteScalar<string?>(
                "SELECT lower(trim(guest_email)) FROM reservations WHERE guest_id = @Id AND deleted_at IS NULL AND trim(coalesce(guest_email, '')) <> '' ORDER BY arrival_date DESC, reservation_id DESC LIMIT 1;",
                new { Id = guestId }, transaction);
            var external = connection.ExecuteScalar<string?>(
                "SELECT guest_external_account_id FROM reservations WHERE guest_id = @Id AND deleted_at IS NULL AND guest_external_account_id IS NOT NULL ORDER BY arrival_date DESC, reservation_id DESC LIMIT 1;",
                new { Id = guestId }, transaction);
            var stays = connection.QueryFirst<(long Count, string? First, string? Last)>(
                "SELECT count(*), min(arrival_date), max(arrival_date) FROM reservations WHERE guest_id = @Id AND deleted_at IS NULL;", new { Id = guestId }, transaction);
            connection.Execute(
                """
                UPDATE guests SET full_name = @FullName, first_name = @FirstName, last_name = @LastName, email = @Email, phone = @Phone,
                    external_account_id = @External, city = @City, country = @Country, locale = @Locale, reservation_count = @Count,
                    first_arrival_date = @First, last_arrival_date = @Last, updated_at = @Now
                WHERE guest_id = @Id AND (full_name IS NOT @FullName OR first_name IS NOT @FirstName OR last_name IS NOT @LastName OR email IS NOT @Email
                    OR phone IS NOT @Phone OR external_account_id IS NOT @External OR city IS NOT @City OR country IS NOT @Country OR locale IS NOT @Locale
                    OR reservation_count IS NOT @Count OR first_arrival_date IS NOT @First OR last_arrival_date IS NOT @Last);
                """,
                new
                {
                    Id = guestId, latest.FullName, latest.FirstName, latest.LastName, Email = email, latest.Phone, External = external,
                    latest.City, latest.Country, latest.Locale, stays.Count, stays.First, stays.Last, Now = now,
                },
                transaction);
        }
    }

    private static List<(string Type, string Value)> KeysOf(HostawayReservation reservation)
    {
        var keys = new List<(string, string)> { ("reservation", reservation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (NormalizeEmail(reservation.GuestEmail) is { } email)
        {
            keys.Add(("email", email));
        }

        if (reservation.GuestExternalAccountId is { } external)
        {
            keys.Add(("external", external));
        }

        return keys;
    }

    private static void Merge(SqliteConnection connection, SqliteTransaction transaction, long merged, long survivor, long reservationId, string now)
    {
        var parameters = new { Merged = merged, Survivor = survivor, Now = now, Reason = $"reservation {reservationId} shares an email or guest account id with both" };
        connection.Execute(
            """
            UPDATE guest_identity_keys SET guest_id = @Survivor WHERE guest_id = @Merged;
            UPDATE reservations SET guest_id = @Survivor WHERE guest_id = @Merged;
            UPDATE conversations SET guest_id = @Survivor WHERE guest_id = @Merged;
            UPDATE guests SET merged_into_guest_id = @Survivor, reservation_count = 0, updated_at = @Now WHERE guest_id = @Merged OR merged_into_guest_id = @Merged;
            INSERT INTO guest_merges (merged_guest_id, survivor_guest_id, reason, merged_at) VALUES (@Merged, @Survivor, @Reason, @Now);
            """, parameters, transaction);
    }

    private sealed class GuestValues
    {
        public string? FullName { get; set; }

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? Phone { get; set; }

        public string? City { get; set; }

        public string? Country { get; set; }

        public string? Locale { get; set; }
    }
}
