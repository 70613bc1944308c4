using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Model;

namespace HostawaySync.Simulator.Mutation;

/// <summary>New, modified, cancelled and deleted reservations. Every change moves updatedOn and latestActivityOn.</summary>
internal static class ReservationMutations
{
    /// <summary>Creates future bookings on live listings, about 40% by guests who booked before.</summary>
    public static List<long> Create(MutationWork work, int count)
    {
        var created = new List<long>();
        var listingIds = work.Listings.Keys.Order().ToArray();
        if (listingIds.Length == 0)
        {
            return created;
        }

        var today = DateOnly.FromDateTime(work.Now);
        for (var i = 0; i < count; i++)
        {
            var rng = work.Rng;
            var counters = work.Counters;
            var listing = work.Listings[listingIds[rng.Next(listingIds.Length)]];
            var channel = Channels.Draw(rng);
            var status = rng.Chance(0.85) ? ReservationStatuses.New : "inquiry";
            var nights = ReservationFactory.DrawNights(rng);
            var reservation = ReservationFactory.Create(
                counters.NextReservationId, listing, channel, status, today.AddDays(rng.Next(1, 200)), nights, work.Now, work.Now, rng)
                with
                {
                    ReservationDate = work.Now,
                    InsertedOn = work.Now,
                    UpdatedOn = work.Now,
                    LatestActivityOn = work.Now,
                };

            var repeat = work.Guests.Count > 0 && rng.Chance(0.4);
            var guest = repeat ? work.Guests[rng.Next(work.Guests.Count)] : GuestFactory.Create(work.Context, work.Guests.Count, false, false);
            if (!repeat)
            {
                work.Guests.Add(guest);
            }

            reservation = GuestFactory.Present(reservation, guest, channel, repeat, rng);
            work.Reservations.Add(reservation.Id, reservation);
            work.TouchedReservations.Add(reservation.Id);
            work.TouchListingActivity(listing.Id);
            created.Add(reservation.Id);
            work.Counters = counters with { NextReservationId = counters.NextReservationId + 1 + rng.Next(5) };
        }

        return created;
    }

    /// <summary>Modifies reservations: dates, price, guest count and/or status (new becomes modified).</summary>
    public static List<long> Update(MutationWork work, int count)
    {
        var picked = work.Pick(work.ReservationIdsAtStart, count, work.TouchedReservations, work.Reservations.ContainsKey);
        foreach (var id in picked)
        {
            Modify(work, id);
        }

        return picked;
    }

    /// <summary>Modifies one reservation as <see cref="Update"/> does; false when it no longer exists.</summary>
    public static bool UpdateOne(MutationWork work, long id)
    {
        if (!work.Reservations.ContainsKey(id))
        {
            return false;
        }

        work.TouchedReservations.Add(id);
        Modify(work, id);
        return true;
    }

    /// <summary>Cancels reservations that are not cancelled yet.</summary>
    public static List<long> Cancel(MutationWork work, int count)
    {
        var picked = work.Pick(
            work.ReservationIdsAtStart,
            count,
            work.TouchedReservations,
            id => work.Reservations.TryGetValue(id, out var r) && r.Status != ReservationStatuses.Cancelled);
        foreach (var id in picked)
        {
            var r = work.Reservations[id] with
            {
                Status = ReservationStatuses.Cancelled,
                CancellationDate = work.Now,
                CancelledBy = work.Rng.Chance(0.7) ? "guest" : "host",
            };
            work.Reservations[id] = Stamp(work, r);
        }

        return picked;
    }

    /// <summary>Deletes reservations and their conversations; returns both id lists.</summary>
    public static (List<long> Reservations, List<long> Conversations) Delete(MutationWork work, int count)
    {
        var picked = work.Pick(work.ReservationIdsAtStart, count, work.TouchedReservations, work.Reservations.ContainsKey);
        return (picked, Remove(work, picked));
    }

    /// <summary>
    /// Removes live reservations together with their conversations and reviews and marks them touched; returns the
    /// removed conversation ids in id order (the reviews go to <see cref="MutationWork.ReviewsRemovedWithReservations"/>).
    /// </summary>
    public static List<long> Remove(MutationWork work, IReadOnlyCollection<long> reservationIds)
    {
        var removed = reservationIds.ToHashSet();
        var conversations = work.Conversations.Values
            .Where(c => removed.Contains(c.ReservationId))
            .Select(c => c.Id)
            .Order()
            .ToList();
        foreach (var id in reservationIds)
        {
            work.Reservations.Remove(id);
            work.DeletedReservationIds.Add(id);
            work.TouchedReservations.Add(id);
        }

        foreach (var id in conversations)
        {
            work.Conversations.Remove(id);
        }

        foreach (var id in work.Reviews.Values.Where(r => removed.Contains(r.ReservationId)).Select(r => r.Id).Order().ToList())
        {
            work.Reviews.Remove(id);
            work.DeletedReviewIds.Add(id);
            work.TouchedReviews.Add(id);
            work.ReviewsRemovedWithReservations.Add(id);
        }

        return conversations;
    }

    private static void Modify(MutationWork work, long id)
    {
        var rng = work.Rng;
        var r = work.Reservations[id];
        var kind = rng.Next(3);
        if (kind == 0)
        {
            var shift = rng.Chance(0.5) ? rng.Next(1, 6) : -rng.Next(1, 6);
            r = r with
            {
                PreviousArrival = r.Arrival,
                PreviousDeparture = r.Departure,
                Arrival = r.Arrival.AddDays(shift),
                Nights = Math.Max(1, r.Nights + rng.Next(-1, 2)),
            };
        }
        else if (kind == 1)
        {
            r = r with { NumberOfGuests = r.NumberOfGuests + 1, Adults = r.Adults is null ? null : r.Adults + 1 };
        }

        // Every modification changes the price a little, so each one is visible in the data.
        r = r with
        {
            TotalPrice = Math.Round(r.TotalPrice * (0.9 + (rng.NextDouble() * 0.2)), rng.Chance(0.3) ? 0 : 2),
            Status = r.Status == ReservationStatuses.New ? ReservationStatuses.Modified : r.Status,
        };
        work.Reservations[id] = Stamp(work, r);
    }

    private static ReservationState Stamp(MutationWork work, ReservationState r)
    {
        work.TouchListingActivity(r.ListingId);
        return r with { Version = r.Version + 1, UpdatedOn = work.Now, LatestActivityOn = work.Now };
    }
}
