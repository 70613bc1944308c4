using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>
/// The fewest data requests of a full sync by a client that knows the real page size p, the exact row count n of every
/// list and the offset ceiling, and still ends a list only where the API shows the end: floor(n/p)+1 pages per list
/// (a list of 0 rows costs 1, and a list of exactly k·p rows costs k+1, as a full last page does not show the end).
/// Lists: listings, reservations, conversations, and the messages of each conversation (scheduled ones included).
/// </summary>
public static class PagingMinimum
{
    public static long Pages(long rows, int pageSize) => (rows / pageSize) + 1;

    /// <summary>
    /// An offset list longer than the ceiling costs only the pages below it, ceil(ceiling/p): nothing past it can be
    /// read by offset, so a client that knows the ceiling asks no further. Reservations page by afterId, which no
    /// ceiling cuts. What the ceiling hides is reached through the reservations, counted by the caller.
    /// </summary>
    public static long OffsetPages(long rows, int pageSize, int ceiling) =>
        ceiling > 0 && rows > ceiling ? (ceiling + pageSize - 1) / pageSize : Pages(rows, pageSize);

    public static async Task<long> FullSyncAsync(HostawaySimulator simulator, int pageSize, int ceiling)
    {
        var counts = simulator.GetCounts();
        var perConversation = (await GroundTruthFeed.MessageKeysAsync(simulator)).CountBy(m => m.ConversationId).ToDictionary(p => p.Key, p => p.Value);
        var messagePages = counts.SentMessagesByConversation.Keys.Sum(id => OffsetPages(perConversation.GetValueOrDefault(id), pageSize, ceiling));
        return OffsetPages(counts.Listings, pageSize, ceiling) + Pages(counts.Reservations, pageSize) + OffsetPages(counts.Conversations, pageSize, ceiling) + messagePages;
    }
}
