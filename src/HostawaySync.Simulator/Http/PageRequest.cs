namespace HostawaySync.Simulator.Http;

/// <summary>
/// Paging parameters. <see cref="LimitEcho"/>/<see cref="OffsetEcho"/> are what the envelope echoes (null when
/// not sent); <see cref="Limit"/>/<see cref="Offset"/> are what is applied. The maximum limit is undocumented;
/// the simulator serves at most 100 rows but still echoes the requested limit, so a client that asks for more
/// and treats "fewer rows than limit" as the end stops early, visibly.
/// </summary>
/// <param name="LimitEcho">The limit as sent.</param>
/// <param name="OffsetEcho">The offset as sent.</param>
/// <param name="Limit">The applied page size.</param>
/// <param name="Offset">The applied offset.</param>
internal readonly record struct PageRequest(int? LimitEcho, int? OffsetEcho, int Limit, int Offset)
{
    /// <summary>Default and maximum page size of every list endpoint.</summary>
    public const int MaxLimit = 100;

    /// <summary>Reads limit and offset; limit must be a positive integer, offset a non-negative one.</summary>
    public static PageRequest Read(QueryReader query)
    {
        var limit = query.Int("limit", 1);
        var offset = query.Int("offset", 0);
        return new PageRequest(limit, offset, Math.Min(limit ?? MaxLimit, MaxLimit), offset ?? 0);
    }

    /// <summary>1-based page number of the requested offset.</summary>
    public int Page => (Offset / Limit) + 1;

    /// <summary>Number of pages for a total.</summary>
    public int TotalPages(int count) => (count + Limit - 1) / Limit;
}
