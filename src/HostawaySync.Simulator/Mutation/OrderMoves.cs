namespace HostawaySync.Simulator.Mutation;

/// <summary>Pure order changes: the row's data stays exactly as it was, only its list position changes.</summary>
internal static class OrderMoves
{
    /// <summary>Puts a listing before every other in the display order; false when it no longer exists.</summary>
    public static bool ListingToFront(MutationWork work, long id)
    {
        if (!work.Listings.TryGetValue(id, out var listing))
        {
            return false;
        }

        work.Listings[id] = listing with { Order = work.Listings.Values.Min(l => l.Order) - 1 };
        return true;
    }

    /// <summary>Puts a conversation before every other in the list order; false when it no longer exists.</summary>
    public static bool ConversationToFront(MutationWork work, long id)
    {
        if (!work.Conversations.TryGetValue(id, out var conversation))
        {
            return false;
        }

        work.Conversations[id] = conversation with { FrontRank = work.Conversations.Values.Max(c => c.FrontRank) + 1 };
        return true;
    }
}
