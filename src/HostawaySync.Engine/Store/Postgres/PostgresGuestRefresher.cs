using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// <see cref="GuestRefresher"/>'s rules in PostgreSQL: name, phone, city, country and locale from the latest stay (latest
/// arrival, then highest reservation id), email and account id from the latest stay that has one, the number of stays
/// and the first and last arrival; a guest row is written only when a value changed (IS DISTINCT FROM). City, country and
/// locale come from the stored document with jsonb's ->> (text, as SQLite's json_extract stores them in a text column).
/// </summary>
internal static class PostgresGuestRefresher
{
    private static readonly string StaysSql = $"""
        SELECT guest_id AS GuestId, reservation_id AS ReservationId, {PostgresClock.DateText("arrival_date")} AS ArrivalDate, guest_name AS FullName,
               guest_first_name AS FirstName, guest_last_name AS LastName, guest_phone AS Phone,
               CASE WHEN btrim(coalesce(guest_email, '')) <> '' THEN lower(btrim(guest_email)) END AS Email, guest_external_account_id AS External,
               raw_json ->> 'guestCity' AS City, raw_json ->> 'guestCountry' AS Country, raw_json ->> 'guestLocale' AS Locale
        FROM reservations WHERE guest_id = ANY(@Ids) AND deleted_at IS NULL;
        """;

    private const string UpdateSql = """
        UPDATE guests SET full_name = @FullName, first_name = @FirstName, last_name = @LastName, email = @Email, phone = @Phone,
            external_account_id = @External, city = @City, country = @Country, locale = @Locale, reservation_count = @Count,
            first_arrival_date = @First::date, last_arrival_date = @Last::date, updated_at = @Now
        WHERE guest_id = @Id AND (full_name IS DISTINCT FROM @FullName OR first_name IS DISTINCT FROM @FirstName OR last_name IS DISTINCT FROM @LastName
            OR email IS DISTINCT FROM @Email OR phone IS DISTINCT FROM @Phone OR external_account_id IS DISTINCT FROM @External
            OR city IS DISTINCT FROM @City OR country IS DISTINCT FROM @Country OR locale IS DISTINCT FROM @Locale
            OR reservation_count IS DISTINCT FROM @Count OR first_arrival_date IS DISTINCT FROM @First::date OR last_arrival_date IS DISTINCT FROM @Last::date);
        """;

    /// <summary>Refreshes these guests (any number; ids of merged or unknown guests are fine).</summary>
    public static void Refresh(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<long> guestIds, DateTime? now)
    {
        var ids = guestIds.Distinct().ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        // Newest first, as ORDER BY arrival_date DESC, reservation_id DESC orders them (dates as text, so NULL dates last).
        var stays = connection.Query<GuestStay>(StaysSql, new { Ids = ids }, transaction)
            .OrderBy(s => s.GuestId).ThenByDescending(s => s.ArrivalDate, StringComparer.Ordinal).ThenByDescending(s => s.ReservationId)
            .GroupBy(s => s.GuestId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var id in ids)
        {
            var list = stays.GetValueOrDefault(id) ?? [];
            var stay = list.Count > 0 ? list[0] : new GuestStay();
            var arrivals = list.Select(s => s.ArrivalDate).OfType<string>().ToList();
            connection.Execute(UpdateSql, new
            {
                Id = id, stay.FullName, stay.FirstName, stay.LastName, list.Find(s => s.Email is not null)?.Email, stay.Phone,
                list.Find(s => s.External is not null)?.External, stay.City, stay.Country, stay.Locale, Count = list.Count,
                First = arrivals.Count == 0 ? null : arrivals.Min(StringComparer.Ordinal), Last = arrivals.Count == 0 ? null : arrivals.Max(StringComparer.Ordinal),
                Now = now,
            }, transaction);
        }
    }
}
