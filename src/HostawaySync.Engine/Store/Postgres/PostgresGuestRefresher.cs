using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// <see cref="GuestRefresher"/>'s rules in PostgreSQL, in one statement for any number of guests: name, phone, city,
/// country and locale from the latest stay (latest arrival, then highest reservation id; stays without an arrival date
/// last), email and account id from the latest stay that has one, the number of stays and the first and last arrival; a
/// guest row is written only when a value changed (IS DISTINCT FROM). City, country and locale come from the latest
/// stay's stored document as text (strings unquoted, as jsonb's ->> gives them and SQLite's json_extract stores them in a text column). A guest with
/// no live stay left (merged away, or its reservations deleted) keeps no values and counts 0 stays.
/// </summary>
internal static class PostgresGuestRefresher
{
    // Sorting the stays a few times as a whole costs less than ordered aggregates, which sort each guest's stays apart;
    // the latest stay's document is read (detoasted and parsed) once, by jsonb_to_record. The lateral subqueries (OFFSET 0
    // keeps them apart) look each guest's stays up by index: in a table that grows during a first sync and was never
    // analyzed, the planner takes deleted_at IS NULL to keep 0.5% of the rows and would rather scan the whole table.
    private const string RefreshSql = """
        WITH ids (guest_id) AS (SELECT DISTINCT unnest(@Ids::bigint[])),
        stays AS (
            SELECT r.guest_id, r.reservation_id, r.arrival_date, r.guest_name, r.guest_first_name, r.guest_last_name, r.guest_phone,
                   CASE WHEN btrim(coalesce(r.guest_email, '')) <> '' THEN lower(btrim(r.guest_email)) END AS email, r.guest_external_account_id AS external,
                   count(*) OVER guest AS stays, min(r.arrival_date) OVER guest AS first_arrival, max(r.arrival_date) OVER guest AS last_arrival
            FROM ids CROSS JOIN LATERAL (SELECT * FROM reservations WHERE guest_id = ids.guest_id AND deleted_at IS NULL OFFSET 0) r
            WINDOW guest AS (PARTITION BY r.guest_id)),
        latest AS (SELECT DISTINCT ON (guest_id) * FROM stays ORDER BY guest_id, arrival_date DESC NULLS LAST, reservation_id DESC),
        emails AS (
            SELECT DISTINCT ON (guest_id) guest_id, email FROM stays WHERE email IS NOT NULL
            ORDER BY guest_id, arrival_date DESC NULLS LAST, reservation_id DESC),
        externals AS (
            SELECT DISTINCT ON (guest_id) guest_id, external FROM stays WHERE external IS NOT NULL
            ORDER BY guest_id, arrival_date DESC NULLS LAST, reservation_id DESC),
        places AS MATERIALIZED (
            SELECT l.reservation_id, p.* FROM latest l
            CROSS JOIN LATERAL (SELECT raw_json FROM reservations WHERE reservation_id = l.reservation_id OFFSET 0) r
            CROSS JOIN LATERAL jsonb_to_record(r.raw_json) AS p ("guestCity" text, "guestCountry" text, "guestLocale" text)),
        fresh AS (
            SELECT ids.guest_id, l.guest_name AS full_name, l.guest_first_name AS first_name, l.guest_last_name AS last_name, e.email,
                   l.guest_phone AS phone, x.external, p."guestCity" AS city, p."guestCountry" AS country, p."guestLocale" AS locale,
                   coalesce(l.stays, 0) AS stays, l.first_arrival, l.last_arrival
            FROM ids LEFT JOIN latest l ON l.guest_id = ids.guest_id LEFT JOIN emails e ON e.guest_id = ids.guest_id
            LEFT JOIN externals x ON x.guest_id = ids.guest_id LEFT JOIN places p ON p.reservation_id = l.reservation_id)
        UPDATE guests g SET full_name = f.full_name, first_name = f.first_name, last_name = f.last_name, email = f.email, phone = f.phone,
            external_account_id = f.external, city = f.city, country = f.country, locale = f.locale, reservation_count = f.stays,
            first_arrival_date = f.first_arrival, last_arrival_date = f.last_arrival, updated_at = @Now
        FROM fresh f
        WHERE g.guest_id = ANY(@Ids) AND g.guest_id = f.guest_id AND (g.full_name IS DISTINCT FROM f.full_name OR g.first_name IS DISTINCT FROM f.first_name
            OR g.last_name IS DISTINCT FROM f.last_name OR g.email IS DISTINCT FROM f.email OR g.phone IS DISTINCT FROM f.phone
            OR g.external_account_id IS DISTINCT FROM f.external OR g.city IS DISTINCT FROM f.city OR g.country IS DISTINCT FROM f.country
            OR g.locale IS DISTINCT FROM f.locale OR g.reservation_count IS DISTINCT FROM f.stays
            OR g.first_arrival_date IS DISTINCT FROM f.first_arrival OR g.last_arrival_date IS DISTINCT FROM f.last_arrival);
        """;

    /// <summary>Refreshes these guests (any number; ids of merged or unknown guests are fine).</summary>
    public static void Refresh(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<long> guestIds, DateTime? now)
    {
        var ids = guestIds.Distinct().ToArray();
        if (ids.Length > 0)
        {
            connection.Execute(RefreshSql, new { Ids = ids, Now = now }, transaction);
        }
    }
}
