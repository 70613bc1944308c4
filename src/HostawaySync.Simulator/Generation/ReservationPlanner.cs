using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Generation;

/// <summary>
/// Plans the reservation history: stays over two years back and one ahead, ids in booking order (ids are
/// auto-increments), guests drawn from a pool so that people book again, and four fixed "showcase" bookings so
/// even the Tiny data set contains every guest-identity pattern: A (direct, e-mail), B (Airbnb, the same e-mail in
/// upper case with spaces, plus an account id), C (Airbnb, no e-mail, B's account id): A–B link only by e-mail and
/// B–C only by account id. D is an iCal booking with neither.
/// </summary>
internal static class ReservationPlanner
{
    /// <summary>Creates the reservations, ordered by id; fills <paramref name="guests"/> with the guest pool.</summary>
    public static ReservationState[] Plan(
        DatasetContext context,
        DetRandom rng,
        List<ListingState> listings,
        List<Guest> guests,
        DateTime now,
        long firstId,
        out long nextId)
    {
        var count = context.Dataset.Reservations;
        var drafts = Draft(context, rng, listings, now);
        var showcase = count >= 8 ? new[] { count / 5, 2 * count / 5, 3 * count / 5, 4 * count / 5 } : [];
        var result = new ReservationState[count];
        Guest? chain = null;
        var id = firstId;
        for (var row = 0; row < count; row++)
        {
            var draft = drafts[row];
            var role = Array.IndexOf(showcase, row) + 1;
            var forceHostile = role == 0 && (row == 1 || row == count - 2);
            var channel = role switch
            {
                1 => Channels.Get(2000),
                2 or 3 => Channels.Get(2018),
                4 => Channels.Get(2015),
                _ when forceHostile && !draft.Channel.ShowsName => Channels.Get(2000), // the hostile name must show
                _ => draft.Channel,
            };
            var rowRng = new DetRandom(context.Hash(HashTags.Generation, id, 2));
            var reservation = ReservationFactory.Create(
                id, listings[draft.ListingIndex], channel, draft.Status, draft.Arrival, draft.Nights, draft.Booked, now, rowRng);

            Guest guest;
            var repeat = false;
            if (role is 2 or 3 && chain is not null)
            {
                (guest, repeat) = (chain, true);
            }
            else if (role == 0 && !forceHostile && guests.Count > 0 && rng.Chance(context.Dataset.RepeatGuestShare))
            {
                (guest, repeat) = (guests[rng.Next(guests.Count)], true);
            }
            else
            {
                guest = GuestFactory.Create(context, guests.Count, forceHostile, forceEmail: role == 1);
                guests.Add(guest);
                chain = role == 1 ? guest : chain;
            }

            reservation = GuestFactory.Present(reservation, guest, channel, repeat, rowRng);
            result[row] = role switch
            {
                1 => reservation with { GuestEmail = guest.Email, GuestExternalAccountId = null },
                2 => reservation with { GuestEmail = "  " + guest.Email!.ToUpperInvariant() + " ", GuestExternalAccountId = guest.ExternalAccountId },
                3 => reservation with { GuestEmail = null, GuestExternalAccountId = guest.ExternalAccountId },
                4 => reservation with { GuestEmail = null, GuestExternalAccountId = null },
                _ => reservation,
            };
            id += 1 + (rng.Chance(0.2) ? rng.Next(1, 30) : 0);
        }

        nextId = id + rng.Next(1, 30);
        return result;
    }

    /// <summary>Draws listing, channel, status and dates of every booking, sorted by booking time.</summary>
    private static ReservationDraft[] Draft(DatasetContext context, DetRandom rng, List<ListingState> listings, DateTime now)
    {
        var count = context.Dataset.Reservations;
        var drafts = new ReservationDraft[count];
        var keys = new long[count];
        var today = DateOnly.FromDateTime(now);
        var latest = now.AddSeconds(-120);
        for (var i = 0; i < count; i++)
        {
            // Skewed listing choice: some listings are much busier than others.
            var listingIndex = (int)(Math.Pow(rng.NextDouble(), 1.4) * listings.Count);
            var listing = listings[listingIndex];
            var channel = Channels.Draw(rng);
            var status = ReservationStatuses.Draw(rng);
            var nights = ReservationFactory.DrawNights(rng);
            var firstDay = DateOnly.FromDateTime(listing.InsertedOn).AddDays(1);
            var arrival = today.AddDays(rng.Next(-730, 366));
            if (arrival < firstDay)
            {
                arrival = firstDay.AddDays(rng.Next(Math.Max(1, today.AddDays(365).DayNumber - firstDay.DayNumber)));
            }

            var lead = (int)(300 * Math.Pow(rng.NextDouble(), 2));
            var booked = arrival.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-lead).AddSeconds(rng.Next(86_400));
            if (booked > latest)
            {
                booked = latest.AddSeconds(-rng.Next(20 * 86_400));
            }

            var earliest = listing.InsertedOn.AddHours(1);
            if (booked < earliest)
            {
                booked = earliest.AddSeconds(rng.Next(3600));
            }

            booked = Timestamps.Truncate(booked > latest ? latest : booked);
            drafts[i] = new ReservationDraft(listingIndex, channel, status, arrival, nights, booked);
            keys[i] = booked.Ticks;
        }

        Array.Sort(keys, drafts);
        return drafts;
    }
}
