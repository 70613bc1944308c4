using Dapper;
using HostawaySync.Engine.Api.Models;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>Upserts reservations with their guests. A reservation whose raw JSON did not change is not touched.</summary>
internal static class ReservationWriter
{
    private const string Upsert = """
        INSERT INTO reservations (reservation_id, listing_id, guest_id, channel_id, channel_name, source, channel_reservation_id, confirmation_code,
            status, arrival_date, departure_date, nights, number_of_guests, adults, children, infants, pets, total_price, currency, is_paid,
            guest_name, guest_first_name, guest_last_name, guest_email, guest_phone, guest_external_account_id, reservation_date,
            cancellation_date, cancelled_by, inserted_on, updated_on, latest_activity_on, raw_json, content_hash, first_seen_at, updated_at, deleted_at)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19, $p20, $p21, $p22,
            $p23, $p24, $p25, $p26, $p27, $p28, $p29, $p30, $p31, $p32, $p33, $p34, $p34, NULL)
        ON CONFLICT (reservation_id) DO UPDATE SET listing_id = excluded.listing_id, guest_id = excluded.guest_id, channel_id = excluded.channel_id,
            channel_name = excluded.channel_name, source = excluded.source, channel_reservation_id = excluded.channel_reservation_id,
            confirmation_code = excluded.confirmation_code, status = excluded.status, arrival_date = excluded.arrival_date,
            departure_date = excluded.departure_date, nights = excluded.nights, number_of_guests = excluded.number_of_guests,
            adults = excluded.adults, children = excluded.children, infants = excluded.infants, pets = excluded.pets,
            total_price = excluded.total_price, currency = excluded.currency, is_paid = excluded.is_paid, guest_name = excluded.guest_name,
            guest_first_name = excluded.guest_first_name, guest_last_name = excluded.guest_last_name, guest_email = excluded.guest_email,
            guest_phone = excluded.guest_phone, guest_external_account_id = excluded.guest_external_account_id,
            reservation_date = excluded.reservation_date, cancellation_date = excluded.cancellation_date, cancelled_by = excluded.cancelled_by,
            inserted_on = excluded.inserted_on, updated_on = excluded.updated_on, latest_activity_on = excluded.latest_activity_on,
            raw_json = excluded.raw_json, content_hash = excluded.content_hash, updated_at = excluded.updated_at, deleted_at = NULL;
        """;

    /// <summary>Writes one page; returns the counts and the reservations that are new or whose latest activity moved.</summary>
    public static (UpsertCounts Counts, IReadOnlyList<HostawayReservation> ActivityMoved) Write(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<HostawayReservation> reservations, string now)
    {
        var counts = new UpsertCounts();
        var moved = new List<HostawayReservation>();
        var existing = connection.Query<(long Id, string Hash, string? DeletedAt, long? GuestId, string? LatestActivityOn)>(
                "SELECT reservation_id, content_hash, deleted_at, guest_id, latest_activity_on FROM reservations WHERE reservation_id IN @Ids;",
                new { Ids = reservations.Select(r => r.Id).ToArray() }, transaction)
            .ToDictionary(row => row.Id);
        ListingWriter.EnsureExists(connection, transaction, reservations.Where(r => r.ListingId is not null).Select(r => r.ListingId!.Value), now);

        var touchedGuests = new HashSet<long>();
        using var upsert = new PreparedStatement(connection, transaction, Upsert, 35);
        foreach (var reservation in reservations)
        {
            var hash = ContentHash.Of(reservation.RawJson);
            var known = existing.TryGetValue(reservation.Id, out var row);
            if (known && row.Hash == hash && row.DeletedAt is null && row.GuestId is not null)
            {
                counts.Unchanged++;
                continue;
            }

            var guestId = GuestResolver.Resolve(connection, transaction, reservation, now);
            touchedGuests.Add(guestId);
            if (row.GuestId is { } previous)
            {
                touchedGuests.Add(previous);
            }

            upsert.Execute(
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

            if (!known || row.LatestActivityOn != StoreClock.Format(reservation.LatestActivityOn) || row.DeletedAt is not null)
            {
                moved.Add(reservation);
            }
        }

        GuestResolver.Refresh(connection, transaction, touchedGuests, now);
        return (counts, moved);
    }
}
