using HostawaySync.Simulator.Generation;

namespace HostawaySync.Simulator.Mutation;

/// <summary>New, edited and deleted listings.</summary>
internal static class ListingMutations
{
    /// <summary>Creates listings; they go to the end of the display order.</summary>
    public static List<long> Create(MutationWork work, int count)
    {
        var created = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var counters = work.Counters;
            var order = work.Listings.Count == 0 ? 0 : work.Listings.Values.Max(l => l.Order) + 1;
            var listing = ListingFactory.Create(work.Context, counters.NextListingId, counters.NextListingSerial, order, work.Now, forceHostile: false);
            work.Listings.Add(listing.Id, listing);
            work.TouchedListings.Add(listing.Id);
            created.Add(listing.Id);
            work.Counters = counters with
            {
                NextListingId = counters.NextListingId + 1 + work.Rng.Next(20),
                NextListingSerial = counters.NextListingSerial + 1,
            };
        }

        return created;
    }

    /// <summary>
    /// Edits listing content (prices, texts, images, sometimes the name). latestActivityOn does not move: the
    /// docs do not count content edits as activity, so a client that relies on it misses them.
    /// </summary>
    public static List<long> Update(MutationWork work, int count)
    {
        var picked = work.Pick(work.ListingIdsAtStart, count, work.TouchedListings, work.Listings.ContainsKey);
        var maxImages = work.Context.Dataset.MaxImagesPerListing;
        foreach (var id in picked)
        {
            var listing = work.Listings[id];
            listing = listing with { Version = listing.Version + 1 };
            var roll = work.Rng.NextDouble();
            if (roll < 0.4 && listing.ImageCount < maxImages && listing.NextImageSlot < 4000)
            {
                listing = listing with { NextImageSlot = listing.NextImageSlot + 1 };
            }
            else if (roll < 0.6 && listing.ImageCount > 0)
            {
                listing = listing with { FirstImageSlot = listing.FirstImageSlot + 1 };
            }

            if (work.Rng.Chance(0.3))
            {
                listing = listing with { Name = ListingFactory.DrawName(work.Context, work.Rng, forceHostile: false) };
            }

            work.Listings[id] = listing;
        }

        return picked;
    }

    /// <summary>Deletes listings. Their reservations stay, still pointing at the deleted listing id.</summary>
    public static List<long> Delete(MutationWork work, int count)
    {
        var picked = work.Pick(work.ListingIdsAtStart, count, work.TouchedListings, work.Listings.ContainsKey);
        foreach (var id in picked)
        {
            work.DeletedListings.Add(work.Listings[id]);
            work.Listings.Remove(id);
        }

        return picked;
    }

    /// <summary>
    /// Deletes listings together with all their reservations and those reservations' conversations (as deleting
    /// each reservation does); returns the three id lists.
    /// </summary>
    public static (List<long> Listings, List<long> Reservations, List<long> Conversations) DeleteWithReservations(MutationWork work, int count)
    {
        var listings = Delete(work, count);
        var deleted = listings.ToHashSet();
        var reservations = work.Reservations.Values.Where(r => deleted.Contains(r.ListingId)).Select(r => r.Id).Order().ToList();
        return (listings, reservations, ReservationMutations.Remove(work, reservations));
    }
}
