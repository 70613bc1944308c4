using Dapper;
using HostawaySync.Engine.Api.Models;
using Npgsql;
using NpgsqlTypes;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Upserts reservations with their guests in PostgreSQL under <see cref="ReservationWriter"/>'s rules: unchanged (same
/// hash, live, with a guest) is not touched; changed or new rows resolve their guest, and every guest who gained or lost
/// a stay is refreshed. A page costs a fixed handful of statements whatever its size: the stored state of its rows, the
/// owners of its guest keys, the new guests with their keys, one upsert of every changed row from arrays (unnest), and
/// one refresh of the guests touched. One upsert serves new and known rows (SQLite's separate INSERT and UPDATE avoid
/// its statement journal).
/// </summary>
internal static class PostgresReservationWriter
{
    // The row's values arrive as one array per column ($1 to $34, in this order) and $35 is the time of the write.
    private const string Upsert = """
        INSERT INTO reservations (reservation_id, listing_id, guest_id, channel_id, channel_name, source, channel_reservation_id, confirmation_code,
            status, arrival_date, departure_date, nights, number_of_guests, adults, children, infants, pets, total_price, currency, is_paid,
            guest_name, guest_first_name, guest_last_name, guest_email, guest_phone, guest_external_account_id, reservation_date,
            cancellation_date, cancelled_by, inserted_on, updated_on, latest_activity_on, raw_json, content_hash, first_seen_at, updated_at, deleted_at)
        SELECT r.*, $35, $35, NULL::timestamptz FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
            $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34) AS r
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

        // Guest ids as the resolver handed them out (a guest merged later in the page included, as SQLite refreshes it too).
        var touchedGuests = new HashSet<long>();
        var rows = new Dictionary<long, (HostawayReservation Reservation, long Guest, string Hash)>();
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

            // A row listed twice in a page is stored as its last listing, as writing the rows one by one would leave it.
            rows[reservation.Id] = (reservation, guestId, hashes[i]);
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
        guests.Write();
        using (var upsert = new NpgsqlCommand(Upsert, connection, transaction))
        {
            AddColumns(new PostgresRowArrays<(HostawayReservation R, long GuestId, string Hash)>(
                upsert, rows.Values.Select(r => (r.Reservation, guests.Final(r.Guest), r.Hash)).ToList()), at);
            upsert.ExecuteNonQuery();
        }

        PostgresGuestRefresher.Refresh(connection, transaction, touchedGuests.Select(guests.Real), at);
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

    // $1 to $34: one typed array per column, in the order of the INSERT; $35: the time of the write.
    private static void AddColumns(PostgresRowArrays<(HostawayReservation R, long GuestId, string Hash)> rows, DateTime? now) => rows
        .Column(r => r.R.Id, NpgsqlDbType.Bigint)
        .Column(r => r.R.ListingId, NpgsqlDbType.Bigint)
        .Column(r => r.GuestId, NpgsqlDbType.Bigint)
        .Column(r => (long?)r.R.ChannelId, NpgsqlDbType.Bigint)
        .Column(r => r.R.ChannelName, NpgsqlDbType.Text)
        .Column(r => r.R.Source, NpgsqlDbType.Text)
        .Column(r => r.R.ChannelReservationId, NpgsqlDbType.Text)
        .Column(r => r.R.ConfirmationCode, NpgsqlDbType.Text)
        .Column(r => r.R.Status, NpgsqlDbType.Text)
        .Column(r => r.R.ArrivalDate, NpgsqlDbType.Date)
        .Column(r => r.R.DepartureDate, NpgsqlDbType.Date)
        .Column(r => r.R.Nights, NpgsqlDbType.Integer)
        .Column(r => r.R.NumberOfGuests, NpgsqlDbType.Integer)
        .Column(r => r.R.Adults, NpgsqlDbType.Integer)
        .Column(r => r.R.Children, NpgsqlDbType.Integer)
        .Column(r => r.R.Infants, NpgsqlDbType.Integer)
        .Column(r => r.R.Pets, NpgsqlDbType.Integer)
        .Column(r => r.R.TotalPrice, NpgsqlDbType.Numeric)
        .Column(r => r.R.Currency, NpgsqlDbType.Text)
        .Column(r => r.R.IsPaid, NpgsqlDbType.Boolean)
        .Column(r => r.R.GuestName, NpgsqlDbType.Text)
        .Column(r => r.R.GuestFirstName, NpgsqlDbType.Text)
        .Column(r => r.R.GuestLastName, NpgsqlDbType.Text)
        .Column(r => r.R.GuestEmail, NpgsqlDbType.Text)
        .Column(r => r.R.Phone, NpgsqlDbType.Text)
        .Column(r => r.R.GuestExternalAccountId, NpgsqlDbType.Text)
        .Column(r => PostgresClock.Utc(r.R.ReservationDate), NpgsqlDbType.TimestampTz)
        .Column(r => PostgresClock.Utc(r.R.CancellationDate), NpgsqlDbType.TimestampTz)
        .Column(r => r.R.CancelledBy, NpgsqlDbType.Text)
        .Column(r => PostgresClock.Utc(r.R.InsertedOn), NpgsqlDbType.TimestampTz)
        .Column(r => PostgresClock.Utc(r.R.UpdatedOn), NpgsqlDbType.TimestampTz)
        .Column(r => PostgresClock.Utc(r.R.LatestActivityOn), NpgsqlDbType.TimestampTz)
        .Column(r => r.R.RawJson, NpgsqlDbType.Jsonb)
        .Column(r => r.Hash, NpgsqlDbType.Text)
        .Value(now, NpgsqlDbType.TimestampTz);
}
