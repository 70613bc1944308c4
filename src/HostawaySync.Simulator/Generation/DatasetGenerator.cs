using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Generation;

/// <summary>
/// Generates the initial account. Everything is drawn from streams keyed by (seed, purpose, id), so the same seed
/// and options always give the same account, and the work is linear: Large (200,000 reservations, two million
/// messages) takes a few seconds because messages are only counted here, never stored.
/// </summary>
internal static class DatasetGenerator
{
    private const long FirstListingId = 40_160;
    private const long FirstReservationId = 11_000_000;
    private const long FirstConversationId = 700_000;
    private const long FirstMessageId = 30_000_000;
    private const long FirstReviewId = 5_400_000;

    /// <summary>Generates the account for the context's seed and options.</summary>
    public static AccountSnapshot Generate(DatasetContext context)
    {
        var options = context.Dataset;
        var now = options.ClockStart;
        var rng = new DetRandom(context.Hash(HashTags.Generation, 0));

        var listings = CreateListings(context, rng, now);
        var guests = new List<Guest>();
        var reservations = ReservationPlanner.Plan(context, rng, listings, guests, now, FirstReservationId, out var nextReservationId);

        // Conversations and their (counted, not stored) messages, in reservation id order.
        var conversations = new List<ConversationState>(reservations.Length);
        var nextConversationId = FirstConversationId;
        var nextMessageId = FirstMessageId;
        var longConversations = new HashSet<int>();
        for (var k = 1; k <= options.LongConversations && reservations.Length > 0; k++)
        {
            longConversations.Add((int)((long)reservations.Length * k / (options.LongConversations + 1)));
        }

        for (var row = 0; row < reservations.Length; row++)
        {
            var reservation = reservations[row];
            var count = ConversationCount(rng, reservation, longConversations.Contains(row));
            for (var c = 0; c < count; c++)
            {
                var messageCount = longConversations.Contains(row) && c == 0
                    ? options.LongConversationMessages
                    : ConversationFactory.DrawMessageCount(rng, options.AverageMessagesPerConversation);
                var conversation = ConversationFactory.Create(
                    context, nextConversationId, reservation, nextMessageId, messageCount, c > 0, conversations.Count == 0, now);
                conversations.Add(conversation);
                nextConversationId += 1 + (rng.Chance(0.1) ? rng.Next(1, 5) : 0);
                nextMessageId += messageCount + (rng.Chance(0.05) ? rng.Next(1, 20) : 0);
            }
        }

        var listingActivity = ApplyConversationActivity(reservations, conversations);
        var finalListings = listings.Select(l => listingActivity.TryGetValue(l.Id, out var at) && at > l.LatestActivityOn
            ? l with { LatestActivityOn = at }
            : l);

        var reviews = CreateReviews(context, reservations, now, out var nextReviewId);
        var counters = new IdCounters(
            listings.Count == 0 ? FirstListingId : listings[^1].Id + 1 + rng.Next(50),
            listings.Count,
            nextReservationId,
            nextConversationId,
            nextMessageId,
            nextReviewId);
        return new AccountSnapshot(context, finalListings, reservations, conversations, guests, [], [], counters, reviews, []);
    }

    private static List<ListingState> CreateListings(DatasetContext context, DetRandom rng, DateTime now)
    {
        var count = context.Dataset.Listings;
        var listings = new List<ListingState>(count);
        var orders = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (orders[i], orders[j]) = (orders[j], orders[i]);
        }

        var id = FirstListingId;
        var historyDays = 1500.0;
        for (var i = 0; i < count; i++)
        {
            var daysAgo = historyDays - (i * (historyDays - 60) / Math.Max(1, count)) - rng.NextDouble();
            var insertedOn = Timestamps.Truncate(now.AddDays(-daysAgo));
            listings.Add(ListingFactory.Create(context, id, i, orders[i], insertedOn, forceHostile: i == 0));
            id += 1 + (rng.Chance(0.3) ? rng.Next(1, 200) : 0);
        }

        return listings;
    }

    /// <summary>
    /// Reviews in reservation id order, each reservation drawing from its own stream (so reviews never disturb the
    /// rest of the account); the first few reservations with a written review get hostile texts.
    /// </summary>
    private static List<ReviewState> CreateReviews(DatasetContext context, ReservationState[] reservations, DateTime now, out long nextReviewId)
    {
        const int AlwaysHostile = 3;
        var reviews = new List<ReviewState>();
        var nextId = FirstReviewId;
        var hostileSoFar = 0;
        foreach (var reservation in reservations)
        {
            var created = ReviewFactory.ForReservation(context, reservation, now, ref nextId, hostileSoFar < AlwaysHostile);
            hostileSoFar += created.Count(r => r.PublicReview is not null && r.IsGuestToHost);
            reviews.AddRange(created);
        }

        nextReviewId = nextId;
        return reviews;
    }

    private static int ConversationCount(DetRandom rng, ReservationState reservation, bool isLong)
    {
        var roll = rng.NextDouble();
        if (isLong || ReservationStatuses.IsInquiry(reservation.Status))
        {
            return roll < 0.03 ? 2 : 1;
        }

        return roll < 0.09 ? 0 : roll < 0.97 ? 1 : 2;
    }

    /// <summary>Moves each reservation's message fields and latestActivityOn to its conversations' last messages.</summary>
    private static Dictionary<long, DateTime> ApplyConversationActivity(ReservationState[] reservations, List<ConversationState> conversations)
    {
        var rowById = new Dictionary<long, int>(reservations.Length);
        for (var i = 0; i < reservations.Length; i++)
        {
            rowById[reservations[i].Id] = i;
        }

        foreach (var conversation in conversations)
        {
            var row = rowById[conversation.ReservationId];
            reservations[row] = ReservationActivity.WithConversation(reservations[row], conversation);
        }

        var listingActivity = new Dictionary<long, DateTime>();
        foreach (var reservation in reservations)
        {
            if (!listingActivity.TryGetValue(reservation.ListingId, out var at) || reservation.LatestActivityOn > at)
            {
                listingActivity[reservation.ListingId] = reservation.LatestActivityOn;
            }
        }

        return listingActivity;
    }
}
