namespace HostawaySync.Simulator.Http;

/// <summary>
/// Paging parameters. <see cref="LimitEcho"/>/<see cref="OffsetEcho"/> are what was sent (null when absent);
/// <see cref="Limit"/>/<see cref="Offset"/> are what is applied. The maximum page size is undocumented, so it is
/// a setting (<see cref="SimulatorSettings.MaxPageSize"/>); <see cref="Paging"/> decides what the envelope echoes.
/// </summary>
/// <param name="LimitEcho">The limit as sent.</param>
/// <param name="OffsetEcho">The offset as sent.</param>
/// <param name="Limit">The applied page size.</param>
/// <param name="Offset">The applied offset.</param>
internal readonly record struct PageRequest(int? LimitEcho, int? OffsetEcho, int Limit, int Offset)
{
    /// <summary>The <c>afterId</c> cursor (reservations only); when set, offset is ignored.</summary>
    public long? AfterId { get; init; }

    /// <summary>Reads limit and offset; limit must be a positive integer, offset a non-negative one.</summary>
    public static PageRequest Read(QueryReader query, int maxPageSize)
    {
        var limit = query.Int("limit", 1);
        var offset = query.Int("offset", 0);
        return new PageRequest(limit, offset, Math.Min(limit ?? maxPageSize, maxPageSize), offset ?? 0);
    }

    /// <summary>Whether the request continues a pass rather than starting one (offset &gt; 0 or a cursor).</summary>
    public bool IsMidPass => AfterId is not null || Offset > 0;
}
