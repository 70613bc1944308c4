namespace HostawaySync.Engine.Api;

/// <summary>One page of a list endpoint: its readable items, what could not be read, and whatever paging fields the envelope carried.</summary>
/// <param name="Items">The rows that could be read (after paging: only those the pass had not seen before).</param>
/// <param name="Rows">How many rows the API served on the page, readable or not (what the end-of-list rules count).</param>
/// <param name="Count">The envelope's <c>count</c>, if it had one.</param>
/// <param name="Limit">The envelope's <c>limit</c>, if it had one.</param>
/// <param name="Offset">The envelope's <c>offset</c>, if it had one.</param>
/// <param name="Unreadable">Rows that could not be read at all.</param>
/// <param name="LastId">The id of the page's last readable row (where an <c>afterId</c> cursor continues), or null.</param>
internal sealed record ApiPage<T>(IReadOnlyList<T> Items, int Rows, int? Count, int? Limit, int? Offset, IReadOnlyList<UnreadableRow> Unreadable, long? LastId)
{
    public static ApiPage<T> Empty { get; } = new([], 0, null, null, null, [], null);

    /// <summary>The ids of the unreadable rows that had one: the API still has those objects, so they are not gone.</summary>
    public IEnumerable<long> UnreadableIds => Unreadable.Select(r => long.TryParse(r.Id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (long?)null).OfType<long>();
}
