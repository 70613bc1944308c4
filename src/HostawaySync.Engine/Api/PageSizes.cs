using System.Collections.Concurrent;

namespace HostawaySync.Engine.Api;

/// <summary>
/// The page size each list endpoint has shown it really uses, learned from what it served: the documentation gives
/// no maximum <c>limit</c>, and a server may cap pages below the limit asked for, saying so in the envelope's
/// <c>limit</c> or not. Known only from proof: the envelope named a smaller limit, a page came back as full as asked,
/// or a page was followed by more rows (so it was as full as the server makes them). Shared by the passes of one
/// client, which run concurrently (messages of several conversations at once).
/// </summary>
internal sealed class PageSizes
{
    private readonly ConcurrentDictionary<string, int> _known = new(StringComparer.Ordinal);

    /// <summary>The page size <paramref name="endpoint"/> is known to use, or null while it is not.</summary>
    public int? Known(string endpoint) => _known.TryGetValue(endpoint, out var size) ? size : null;

    /// <summary>Learns from one page: <paramref name="rows"/> served for <paramref name="requested"/>, the envelope's limit.</summary>
    public void Observe(string endpoint, int requested, int rows, int? envelopeLimit)
    {
        if (envelopeLimit is { } declared && declared > 0 && declared < requested)
        {
            Learn(endpoint, declared);
        }

        if (rows >= requested)
        {
            Learn(endpoint, rows);
        }
    }

    /// <summary>A page of <paramref name="rows"/> was followed by more: the server's pages hold (at least) that many.</summary>
    public void FollowedByMore(string endpoint, int rows)
    {
        if (rows > 0)
        {
            Learn(endpoint, rows);
        }
    }

    private void Learn(string endpoint, int size) => _known.AddOrUpdate(endpoint, size, (_, old) => Math.Max(old, size));
}
