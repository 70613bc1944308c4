using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// <see cref="GuestRefresher"/>'s rules in PostgreSQL, in one statement for any number of guests: name, phone, city,
/// country and locale from the latest stay (latest arrival, then highest reservation id; stays without an arrival date
/// last), email and account id from the latest stay that has one, the number of stays and the first and last arrival; a
/// guest row is written only when a value changed (IS DISTINCT FROM). City, country and locale come from the latest
/// stay's stored document with jsonb's ->> (text, as SQLite's json_extract stores them in a text column). A guest with
/// no live stay left (merged away, or its reservations deleted) keeps no values and counts 0 stays.
/// </summary>
internal static class PostgresGuestRefresher
{
    private const string RefreshSql = """
        WITH ids (guest_id) AS (SELECT DISTINCT unnest(@Ids::bigint[])),
        stays AS (
            SELECT guest_id, reservation_id, arrival_date, guest_name, guest_first_name, guest_last_name, guest_phone,
                   CASE WHEN btrim(coalesce(guest_email, '')) <> '' THEN lower(btrim(guest_email)) END AS email, guest_external_account_id AS external
            FROM reservations WHERE guest_id = ANY(@Ids) AND deleted_at IS NULL),
        latest AS (
            SELECT DISTINCT ON (guest_id) guest_id, reservation_id, guest_name, guest_first_name, guest_last_name, guest_phone
            FROM stays ORDER BY guest_id, arrival_date DESC NULLS LAST, reservation_id DESC),
        totals AS (
            SELECT guest_id, count(*) AS stays, min(arrival_date) AS first_arrival, max(arrival_date) AS last_arrival,
                   (array_agg(email ORDER BY arrival_date DESC NULLS LAST, reservation_id DESC) FILTER (WHERE email IS NOT NULL))[1] AS email,
                   (array_agg(external ORDER BY arrival_date DESC NULLS LAST, reservation_id DESC) FILTER (WHERE external IS NOT NULL))[1] AS external
            FROM stays GROUP BY guest_id),
        fresh AS (
            SELECT ids.guest_id, l.guest_name AS full_name, l.guest_first_name AS first_name, l.guest_last_name AS last_name, t.email,
                   l.guest_phone AS phone, t.external, r.raw_json ->> 'guestCity' AS city, r.raw_json ->> 'guestCountry' AS country,
                   r.raw_json ->> 'guestLocale' AS locale, coalesce(t.stays, 0) AS stays, t.first_arrival, t.last_arrival
            FROM ids LEFT JOIN latest l ON l.guest_id = ids.guest_id LEFT JOIN totals t ON t.guest_id = ids.guest_id
            LEFT JOIN reservations r ON r.reservation_id = l.reservation_id)
        UPDATE guests g SET full_name = f.full_name, first_name = f.first_name, last_name = f.last_name, email = f.email, phone = f.phone,
            external_account_id = f.external, city = f.city, country = f.country, locale = f.locale, reservation_count = f.stays,
            first_arrival_date = f.first_arrival, last_arrival_date = f.last_arrival, updated_at = @Now
        FROM fresh f
        WHERE g.guest_id = f.guest_id AND (g.full_name IS DISTINCT FROM f.full_name OR g.first_name IS DISTINCT FROM f.first_name
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
