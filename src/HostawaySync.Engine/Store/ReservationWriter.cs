using Dapper;
using HostawaySync.Engine.Api.Models;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>Upserts reservations with their guests. A reservation whose raw JSON did not change is not touched.</summary>
internal static class ReservationWriter
{
    // New and known rows take a plain INSERT or UPDATE rather than one upsert: SQLite keeps a statement journal (the
    // original of every page the statement touches) for an upsert, which doubled the store's work for a 4 KB row.
    private const string Insert = """
        INSERT INTO reservations (reservation_id, listing_id, guest_id, channel_id, channel_name, source, channel_reservation_id, confirmation_code,
            status, arrival_date, departure_date, nights, number_of_guests, adults, children, infants, pets, total_price, currency, is_paid,
            guest_name, guest_first_name, guest_last_name, guest_email, guest_phone, guest_external_account_id, reservation_date,
            cancellation_date, cancelled_by, inserted_on, updated_on, latest_activity_on, raw_json, content_hash, first_seen_at, updated_at, deleted_at)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19, $p20, $p21, $p22,
            $p23, $p24, $p25, $p26, $p27, $p28, $p29, $p30, $p31, $p32, $p33, $p34, $p34, NULL);
        """;

    private const string Update = """
        UPDATE reservations SET listing_id = $p1, guest_id = $p2, channel_id = $p3, channel_name = $p4, source = $p5, channel_reservation_id = $p6,
            confirmation_code = $p7, status = $p8, arrival_date = $p9, departure_date = $p10, nights = $p11, number_of_guests = $p12,
            adults = $p13, children = $p14, infants = $p15, pets = $p16, total_price = $p17, currency = $p18, is_paid = $p19, guest_name = $p20,
            guest_first_name = $p21, guest_last_name = $p22, guest_email = $p23, guest_phone = $p24, guest_external_account_id = $p25,
            reservation_date = $p26, cancellation_date = $p27, cancelled_by = $p28, inserted_on = $p29, updated_on = $p30, latest_activity_on = $p31,
            raw_json = $p32, content_hash = $p33, updated_at = $p34, deleted_at = NULL
        WHERE reservation_id = $p0;
        """;

    /// <summary>Writes one page; returns what it created, updated and left unchanged.</summary>
    public static UpsertCounts Write(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<HostawayReservation> reservations, string now)
    {
        var counts = new UpsertCounts();
        var existing = connection.Query<(long Id, string Hash, string? DeletedAt, long? GuestId)>(
                "SELECT reservation_id, content_hash, deleted_at, guest_id FROM reservations WHERE reservation_id IN (SELECT value FROM json_each(@Ids));",
                new { Ids = JsonIds.Of(reservations.Select(r => r.Id)) }, transaction)
            .ToDictionary(row => row.Id);
        ListingWriter.EnsureExists(connection, transaction, reservations.Where(r => r.ListingId is not null).Select(r => r.ListingId!.Value), now);

        var hashes = reservations.Select(r => ContentHash.Of(r.RawJson)).ToList();
        bool Unchanged(int i) => existing.TryGetValue(reservations[i].Id, out var row) && row.Hash == hashes[i] && row.DeletedAt is null && row.GuestId is not null;
        var changed = reservations.Where((_, i) => !Unchanged(i)).ToList();
        counts.Unchanged = reservations.Count - changed.Count;
        if (changed.Count == 0)
        {
            return counts;
        }

        var touchedGuests = new HashSet<long>();
        using var insert = new PreparedStatement(connection, transaction, Insert, 35);
        using var update = new PreparedStatement(connection, transaction, Update, 35);
        var stored = new HashSet<long>(existing.Keys);
        using var guests = new GuestResolver(connection, transaction, now);
        guests.LookUp(changed);
        for (var i = 0; i < reservations.Count; i++)
        {
            if (Unchanged(i))
            {
                continue;
            }

            var (reservation, hash) = (reservations[i], hashes[i]);
            var known = existing.TryGetValue(reservation.Id, out var row);
            var guestId = guests.Resolve(reservation);
            touchedGuests.Add(guestId);
            if (row.GuestId is { } previous)
            {
                touchedGuests.Add(previous);
            }

            (stored.Add(reservation.Id) ? insert : update).Execute(
                reservation.Id, reservation.ListingId, guestId, reservation.ChannelId, reservation.ChannelName, reservation.Source, reservation.ChannelReservationId,
                reservation.ConfirmationCode, reservation.Status, StoreClock.Format(reservation.ArrivalDate), StoreClock.Format(reservation.DepartureDate),
                reservation.Nights, reservation.NumberOfGuests, reservation.Adults, reservation.Children, reservation.Infants, reservation.Pets,
                reservation.TotalPrice, reservation.Currency, reservation.IsPaid, reservation.GuestName, reservation.GuestFirstName, reservation.GuestLastName,
                reservation.GuestEmail, reservation.Phone, reservation.GuestExternalAccountId, StoreClock.Format(reservation.ReservationDate),
                StoreClock.Format(reservation.CancellationDate), reservation.CancelledBy, StoreClock.Format(reservation.InsertedOn),
                StoreClock.Format(reservation.UpdatedOn), StoreClock.Format(reservation.LatestActivityOn), reservation.RawJson, hash, now);
            if (known)
            {
                counts.Updated++;
            }
            else
            {
                counts.Created++;
            }
        }

        guests.Flush();
        var written = new Dictionary<long, HostawayReservation>();
        foreach (var reservation in reservations)
        {
            written[reservation.Id] = reservation;
        }

        GuestRefresher.Refresh(connection, transaction, touchedGuests, written, now);
        return counts;
    }

    /// <summary>Marks reservations deleted and refreshes their guests, who lose a stay; returns how many rows changed.</summary>
    public static int SoftDelete(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<long> ids, string now)
    {
        var guests = connection.Query<long>(
            "SELECT DISTINCT guest_id FROM reservations WHERE reservation_id IN (SELECT value FROM json_each(@Ids)) AND guest_id IS NOT NULL;", new { Ids = JsonIds.Of(ids) }, transaction).AsList();
        var deleted = SyncBookkeeping.SoftDelete(connection, transaction, StoreTable.Reservations, ids, now);
        GuestRefresher.Refresh(connection, transaction, guests, now);
        return deleted;
    }
}
