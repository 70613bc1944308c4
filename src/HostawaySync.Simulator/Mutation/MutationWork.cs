using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Mutation;

/// <summary>The mutable working copy one mutation edits before it becomes the next snapshot.</summary>
internal sealed class MutationWork
{
    /// <summary>Copies a snapshot into editable collections.</summary>
    public MutationWork(AccountSnapshot snapshot, DetRandom rng, DateTime now)
    {
        Context = snapshot.Context;
        Rng = rng;
        Now = Timestamps.Truncate(now);
        Listings = snapshot.Listings.ToDictionary(l => l.Id);
        Reservations = snapshot.Reservations.ToDictionary(r => r.Id);
        Conversations = snapshot.Conversations.ToDictionary(c => c.Id);
        Guests = [.. snapshot.Guests];
        DeletedListings = [.. snapshot.DeletedListings];
        DeletedReservationIds = [.. snapshot.DeletedReservationIds];
        Counters = snapshot.Counters;
        ListingIdsAtStart = [.. snapshot.Listings.Select(l => l.Id)];
        ReservationIdsAtStart = [.. snapshot.Reservations.Select(r => r.Id)];
        ConversationIdsAtStart = [.. snapshot.Conversations.Select(c => c.Id)];
        Reviews = snapshot.Reviews.ToDictionary(r => r.Id);
        DeletedReviewIds = [.. snapshot.DeletedReviewIds];
        ReviewIdsAtStart = [.. snapshot.Reviews.Select(r => r.Id)];
    }

    /// <summary>Seed, account and options.</summary>
    public DatasetContext Context { get; }

    /// <summary>This mutation's random stream.</summary>
    public DetRandom Rng { get; }

    /// <summary>The simulated time every change is stamped with.</summary>
    public DateTime Now { get; }

    /// <summary>Live listings.</summary>
    public Dictionary<long, ListingState> Listings { get; }

    /// <summary>Live reservations.</summary>
    public Dictionary<long, ReservationState> Reservations { get; }

    /// <summary>Live conversations.</summary>
    public Dictionary<long, ConversationState> Conversations { get; }

    /// <summary>The guest pool.</summary>
    public List<Guest> Guests { get; }

    /// <summary>Deleted listings, oldest first.</summary>
    public List<ListingState> DeletedListings { get; }

    /// <summary>Deleted reservation ids, oldest first.</summary>
    public List<long> DeletedReservationIds { get; }

    /// <summary>Next free ids.</summary>
    public IdCounters Counters { get; set; }

    /// <summary>Listing ids live before this mutation, in id order.</summary>
    public long[] ListingIdsAtStart { get; }

    /// <summary>Reservation ids live before this mutation, in id order.</summary>
    public long[] ReservationIdsAtStart { get; }

    /// <summary>Conversation ids live before this mutation, in id order.</summary>
    public long[] ConversationIdsAtStart { get; }

    /// <summary>Live reviews.</summary>
    public Dictionary<long, ReviewState> Reviews { get; }

    /// <summary>Deleted review ids, oldest first.</summary>
    public List<long> DeletedReviewIds { get; }

    /// <summary>Review ids live before this mutation, in id order.</summary>
    public long[] ReviewIdsAtStart { get; }

    /// <summary>Reviews removed because their reservation was deleted, in removal order.</summary>
    public List<long> ReviewsRemovedWithReservations { get; } = [];

    /// <summary>Reviews already changed by this mutation; each gets at most one kind of change.</summary>
    public HashSet<long> TouchedReviews { get; } = [];

    /// <summary>Listings already changed by this mutation; each gets at most one kind of change.</summary>
    public HashSet<long> TouchedListings { get; } = [];

    /// <summary>Reservations already changed by this mutation; each gets at most one kind of change.</summary>
    public HashSet<long> TouchedReservations { get; } = [];

    /// <summary>The next snapshot: the working copy as it is now.</summary>
    public AccountSnapshot ToSnapshot() =>
        new(Context, Listings.Values, Reservations.Values, Conversations.Values, Guests, DeletedListings, DeletedReservationIds, Counters, Reviews.Values, DeletedReviewIds);

    /// <summary>Moves a listing's latestActivityOn to now (reservation and message activity).</summary>
    public void TouchListingActivity(long listingId)
    {
        if (Listings.TryGetValue(listingId, out var listing))
        {
            Listings[listingId] = listing with { LatestActivityOn = Now };
        }
    }

    /// <summary>
    /// Up to <paramref name="count"/> distinct ids from <paramref name="candidates"/> that still exist, pass
    /// <paramref name="accept"/> and are not in <paramref name="touched"/> yet, chosen by the mutation's random
    /// stream; the picked ids are added to <paramref name="touched"/>.
    /// </summary>
    public List<long> Pick(long[] candidates, int count, HashSet<long> touched, Func<long, bool> accept)
    {
        var eligible = candidates.Where(id => !touched.Contains(id) && accept(id)).ToArray();
        count = Math.Min(count, eligible.Length);
        for (var i = 0; i < count; i++)
        {
            var j = i + Rng.Next(eligible.Length - i);
            (eligible[i], eligible[j]) = (eligible[j], eligible[i]);
        }

        var picked = eligible.Take(count).ToList();
        touched.UnionWith(picked);
        return picked;
    }
}
