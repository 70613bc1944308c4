using Dapper;
using HostawaySync.Engine.Api.Models;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Upserts reservations with their guests in PostgreSQL under <see cref="ReservationWriter"/>'s rules: unchanged (same
/// hash, live, with a guest) is not touched; changed or new rows resolve their guest, and every guest who gained or lost
/// a stay is refreshed. One upsert serves new and known rows (SQLite's separate INSERT and UPDATE avoid its statement journal).
/// </summary>
internal static class PostgresReservationWriter
{
    private const string Upsert = """
        INSERT INTO reservations (reservation_id, listing_id, guest_id, channel_id, channel_name, source, channel_reservation_id, confirmation_code,
            status, arrival_date, departure_date, nights, number_of_guests, adults, children, infants, pets, total_price, currency, is_paid,
            guest_name, guest_first_name, guest_last_name, guest_email, guest_phone, guest_external_account_id, reservation_date,
            cancellation_date, cancelled_by, inserted_on, updated_on, latest_activity_on, raw_json, content_hash, first_seen_at, updated_at, deleted_at)
        VALUES (@Id, @ListingId, @GuestId, @ChannelId, @ChannelName, @Source, @ChannelReservationId, @ConfirmationCode, @Status, @ArrivalDate,
            @DepartureDate, @Nights, @NumberOfGuests, @Adults, @Children, @Infants, @Pets, @TotalPrice, @Currency, @IsPaid, @GuestName,
            @GuestFirstName, @GuestLastName, @GuestEmail, @Phone, @GuestExternalAccountId, @ReservationDate, @CancellationDate, @CancelledBy,
            @InsertedOn, @UpdatedOn, @LatestActivityOn, @RawJson, @Hash, @Now, @Now, NULL)
        ON CONFLICT (reservation_id) DO UPDATE SET listing_id = excluded.listing_id, guest_id = excluded.guest_id, channel_id = excluded.channel_id,
            channel_name = excluded.channel_name, source = excluded.source, channel_reservation_id = excluded.channel_reservation_id,
            confirmation_code = excluded.confirmation_code, status = excluded.status, arrival_date = excluded.arrival_date,
            departure_date = excluded.departure_date, nights = excluded.nights, number_of_guests = excluded.number_of_guests, adults = excluded.adults,
            children = excluded.children, infants = excluded.infants, pets = excluded.pets, total_price = excluded.total_price, currency = excluded.currency,
            is_paid = excluded.is_paid, guest_name = excluded.guest_name, guest_first_name = excluded.guest_first_name,
            guest_last_name = excluded.guest_last_name, guest_email = excluded.guest_email, guest_phone = excluded.guest_phone,
            guest_external_account_id = excluded.guest_external_account_id, reservation_date = excluded.reservation_date,
            cancellation_date = excluded.cancellation_date, cancelled_by = excluded.cancelled_by, inserted_on = excluded.inserted_on,
            updated_on = excluded.updated_on, latest_activity_on = excluded.latest_activity_on, raw_json = excluded.raw_json,
            content_hash = excluded.content_hash, updated_at = excluded.updated_at, deleted_at = NULL;
        """;

    public static UpsertCounts Write(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<HostawayReservation> reservations, string now)
    {
        var counts = new UpsertCounts();
        var at = PostgresClock.Utc(now);
        var existing = connection.Query<(long Id, string Hash, DateTime? DeletedAt, long? GuestId)>(
                "SELECT reservation_id, content_hash, deleted_at, guest_id FROM reservations WHERE reservation_id = ANY(@Ids);",
                new { Ids = reservations.Select(r => r.Id).ToArray() }, transaction)
            .ToDictionary(row => row.Id);
        PostgresListingWriter.EnsureExists(connection, transaction, reservations.Where(r => r.ListingId is not null).Select(r => r.ListingId!.Value), at);

        var hashes = reservations.Select(r => ContentHash.Of(r.RawJson)).ToList();
        bool Unchanged(int i) => existing.TryGetValue(reservations[i].Id, out var row) && row.Hash == hashes[i] && row.DeletedAt is null && row.GuestId is not null;
        var changed = reservations.Where((_, i) => !Unchanged(i)).ToList();
        counts.Unchanged = reservations.Count - changed.Count;
        if (changed.Count == 0)
        {
            return counts;
        }

        var touchedGuests = new HashSet<long>();
        var guests = new PostgresGuestResolver(connection, transaction, at);
        guests.LookUp(changed);
        for (var i = 0; i < reservations.Count; i++)
        {
            if (Unchanged(i))
            {
                continue;
            }

            var reservation = reservations[i];
            var known = existing.TryGetValue(reservation.Id, out var row);
            var guestId = guests.Resolve(reservation);
            touchedGuests.Add(guestId);
            if (row.GuestId is { } previous)
            {
                touchedGuests.Add(previous);
            }

            connection.Execute(Upsert, Parameters(reservation, guestId, hashes[i], at), transaction);
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
        PostgresGuestRefresher.Refresh(connection, transaction, touchedGuests, at);
        return counts;
    }

    /// <summary>Marks reservations deleted and refreshes their guests, who lose a stay; returns how many rows changed.</summary>
    public static int SoftDelete(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<long> ids, string now)
    {
        var guests = connection.Query<long>(
            "SELECT DISTINCT guest_id FROM reservations WHERE reservation_id = ANY(@Ids) AND guest_id IS NOT NULL;", new { Ids = ids.ToArray() }, transaction).AsList();
        var deleted = PostgresBookkeeping.SoftDelete(connection, transaction, StoreTable.Reservations, ids, now);
        PostgresGuestRefresher.Refresh(connection, transaction, guests, PostgresClock.Utc(now));
        return deleted;
    }

    private static object Parameters(HostawayReservation r, long guestId, string hash, DateTime? now) => new
    {
        r.Id, r.ListingId, GuestId = guestId, r.ChannelId, r.ChannelName, r.Source, r.ChannelReservationId, r.ConfirmationCode, r.Status,
        ArrivalDate = TypedParameter.Date(r.ArrivalDate), DepartureDate = TypedParameter.Date(r.DepartureDate), r.Nights, r.NumberOfGuests, r.Adults,
        r.Children, r.Infants, r.Pets, r.TotalPrice, r.Currency, r.IsPaid, r.GuestName, r.GuestFirstName, r.GuestLastName, r.GuestEmail, r.Phone,
        r.GuestExternalAccountId, ReservationDate = PostgresClock.Utc(r.ReservationDate), CancellationDate = PostgresClock.Utc(r.CancellationDate),
        r.CancelledBy, InsertedOn = PostgresClock.Utc(r.InsertedOn), UpdatedOn = PostgresClock.Utc(r.UpdatedOn),
        LatestActivityOn = PostgresClock.Utc(r.LatestActivityOn), RawJson = TypedParameter.Jsonb(r.RawJson), Hash = hash, Now = now,
    };
}
