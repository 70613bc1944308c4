using Dapper;
using HostawaySync.Engine.Api.Models;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// Recomputes guests from their live reservations: name, phone, city, country and locale from the latest stay
/// (latest arrival, then highest reservation id), email and channel account id from the latest stay that has one,
/// the number of stays and the first and last arrival. A guest row is written only when a value changed.
/// The reservations of all the guests are read in one query (string work such as lower/trim stays in SQL, so
/// the values are exactly what the database would compute), the latest stay is picked here, and only that
/// stay's raw JSON is read for city, country and locale, by SQLite unless the stay was just written from a document
/// the client had parsed already: sorting per guest in SQL, or parsing every stay's JSON, cost more than the writes.
/// </summary>
internal static class GuestRefresher
{
    private const string StaysSql = """
        SELECT guest_id AS GuestId, reservation_id AS ReservationId, arrival_date AS ArrivalDate, guest_name AS FullName, guest_first_name AS FirstName,
               guest_last_name AS LastName, guest_phone AS Phone, CASE WHEN trim(coalesce(guest_email, '')) <> '' THEN lower(trim(guest_email)) END AS Email,
               guest_external_account_id AS External
        FROM reservations WHERE guest_id IN (SELECT value FROM json_each(@Ids)) AND deleted_at IS NULL;
        """;

    private const string PlacesSql = """
        SELECT reservation_id, json_extract(raw_json, '$.guestCity'), json_extract(raw_json, '$.guestCountry'), json_extract(raw_json, '$.guestLocale')
        FROM reservations WHERE reservation_id IN (SELECT value FROM json_each(@Ids));
        """;

    private const string UpdateSql = """
        UPDATE guests SET full_name = $p1, first_name = $p2, last_name = $p3, email = $p4, phone = $p5, external_account_id = $p6, city = $p7,
            country = $p8, locale = $p9, reservation_count = $p10, first_arrival_date = $p11, last_arrival_date = $p12, updated_at = $p13
        WHERE guest_id = $p0 AND (full_name IS NOT $p1 OR first_name IS NOT $p2 OR last_name IS NOT $p3 OR email IS NOT $p4 OR phone IS NOT $p5
            OR external_account_id IS NOT $p6 OR city IS NOT $p7 OR country IS NOT $p8 OR locale IS NOT $p9 OR reservation_count IS NOT $p10
            OR first_arrival_date IS NOT $p11 OR last_arrival_date IS NOT $p12);
        """;

    /// <summary>Refreshes these guests (any number; ids of merged or unknown guests are fine).</summary>
    public static void Refresh(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<long> guestIds, string now) =>
        Refresh(connection, transaction, guestIds, new Dictionary<long, HostawayReservation>(), now);

    /// <summary>Refreshes these guests; <paramref name="written"/> holds reservations stored as they are in this transaction.</summary>
    public static void Refresh(
        SqliteConnection connection, SqliteTransaction transaction, IEnumerable<long> guestIds, IReadOnlyDictionary<long, HostawayReservation> written, string now)
    {
        var ids = guestIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        using var update = new PreparedStatement(connection, transaction, UpdateSql, 14);
        // Chunks keep the IN lists well under SQLite's limit on bound values, however many guests a run touches.
        foreach (var chunk in ids.Chunk(500))
        {
            RefreshChunk(connection, transaction, chunk, written, update, now);
        }
    }

    private static void RefreshChunk(
        SqliteConnection connection, SqliteTransaction transaction, long[] ids, IReadOnlyDictionary<long, HostawayReservation> written, PreparedStatement update, string now)
    {
        // Newest first, as SQL's ORDER BY arrival_date DESC, reservation_id DESC orders them (NULL dates last).
        var stays = connection.Query<GuestStay>(StaysSql, new { Ids = JsonIds.Of(ids) }, transaction)
            .OrderBy(s => s.GuestId).ThenByDescending(s => s.ArrivalDate, StringComparer.Ordinal).ThenByDescending(s => s.ReservationId)
            .GroupBy(s => s.GuestId).ToDictionary(g => g.Key, g => g.ToList());
        var latest = stays.Values.Select(list => list[0].ReservationId).ToList();
        var places = latest.Where(id => written.GetValueOrDefault(id)?.GuestPlace is not null).ToDictionary(id => id, id => written[id].GuestPlace!);
        foreach (var (id, city, country, locale) in connection.Query<(long, object?, object?, object?)>(
                     PlacesSql, new { Ids = JsonIds.Of(latest.Where(id => !places.ContainsKey(id))) }, transaction))
        {
            places[id] = [city, country, locale];
        }


        foreach (var id in ids)
        {
            if (!stays.TryGetValue(id, out var list))
            {
                update.Execute(id, null, null, null, null, null, null, null, null, null, 0L, null, null, now);
                continue;
            }

            var stay = list[0];
            var place = places.GetValueOrDefault(stay.ReservationId) ?? new object?[3];
            var arrivals = list.Select(s => s.ArrivalDate).OfType<string>().ToList();
            update.Execute(
                id, stay.FullName, stay.FirstName, stay.LastName, list.Find(s => s.Email is not null)?.Email, stay.Phone,
                list.Find(s => s.External is not null)?.External, place[0], place[1], place[2], (long)list.Count,
                arrivals.Count == 0 ? null : arrivals.Min(StringComparer.Ordinal), arrivals.Count == 0 ? null : arrivals.Max(StringComparer.Ordinal), now);
        }
    }
}
