using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Generation;

/// <summary>Creates reservations (without their guest fields, which <see cref="GuestFactory.Present"/> fills).</summary>
internal static class ReservationFactory
{
    /// <summary>Creates a reservation booked at <paramref name="reservationDate"/>, never later than <paramref name="now"/>.</summary>
    public static ReservationState Create(
        long id,
        ListingState listing,
        ChannelInfo channel,
        string status,
        DateOnly arrival,
        int nights,
        DateTime reservationDate,
        DateTime now,
        DetRandom rng)
    {
        var latest = Timestamps.Truncate(now.AddSeconds(-60));
        reservationDate = Timestamps.Truncate(reservationDate > latest ? latest : reservationDate);
        var insertedOn = channel.IsIcal ? reservationDate : Min(reservationDate.AddSeconds(rng.Next(90)), latest);
        var departureNoon = arrival.AddDays(nights).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var changeWindowEnd = Min(latest, Max(insertedOn, departureNoon.AddDays(2)));
        var changed = status is not ReservationStatuses.New || rng.Chance(0.35);
        var updatedOn = changed
            ? insertedOn.AddSeconds(rng.NextLong(1 + (long)(changeWindowEnd - insertedOn).TotalSeconds))
            : Min(insertedOn.AddSeconds(rng.Next(600)), latest);

        var guests = 1 + rng.Next(6);
        int? children = rng.Chance(0.5) ? null : rng.Next(Math.Min(3, guests));
        int? adults = rng.Chance(0.2) ? null : guests - (children ?? 0);
        var nightly = 50 + (double)(listing.Id % 300) + rng.Next(40);
        var price = rng.Money(nights * nightly * 0.9, nights * nightly * 1.1) + (rng.Chance(0.6) ? rng.Next(20, 120) : 0);

        var reservation = new ReservationState
        {
            Id = id,
            ListingId = listing.Id,
            ListingName = channel.IsIcal && rng.Chance(0.3) ? string.Empty : listing.Name,
            ChannelId = channel.Id,
            GuestId = -1,
            Status = status,
            Arrival = arrival,
            Nights = nights,
            NumberOfGuests = guests,
            Adults = adults,
            Children = children,
            Infants = rng.Chance(0.6) ? null : rng.Next(2),
            Pets = rng.Chance(0.6) ? null : rng.Next(2),
            TotalPrice = Math.Round(price, 2),
            ReservationDate = reservationDate,
            InsertedOn = insertedOn,
            UpdatedOn = updatedOn,
            LatestActivityOn = updatedOn,
        };

        if (status == ReservationStatuses.Cancelled)
        {
            reservation = reservation with { CancellationDate = updatedOn, CancelledBy = rng.Chance(0.7) ? "guest" : "host" };
        }
        else if (status == ReservationStatuses.Modified && rng.Chance(0.4))
        {
            var previous = arrival.AddDays(-rng.Next(1, 10));
            reservation = reservation with { PreviousArrival = previous, PreviousDeparture = previous.AddDays(nights + rng.Next(-1, 2)) };
        }

        return reservation;
    }

    /// <summary>A stay length: mostly short, sometimes weeks.</summary>
    public static int DrawNights(DetRandom rng) => rng.Chance(0.05) ? rng.Next(14, 60) : rng.Next(1, 8);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
