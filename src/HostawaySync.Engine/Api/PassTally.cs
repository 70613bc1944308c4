using System.Globalization;

namespace HostawaySync.Engine.Api;

/// <summary>
/// What a pass over a list endpoint saw, and whether that proves it saw everything. The API's documentation leaves
/// open what <c>count</c> holds (the total, or the rows left after the cursor), whether pages are capped below the
/// <c>limit</c> asked for, and whether offset paging stops somewhere; a pass therefore ends only where the API shows
/// the end (an empty page, or a page shorter than the page size the server has shown it uses), and is
/// <see cref="Complete"/> only when it also saw at least as many rows as the API counted.
/// </summary>
public sealed class PassTally
{
    private readonly HashSet<long> _seen = [];
    private readonly Dictionary<string, UnreadableRow> _unreadable = new(StringComparer.Ordinal);

    /// <summary>Distinct rows seen, over every pass (a row served twice counts once).</summary>
    public int Distinct => _seen.Count;

    /// <summary>Rows served again after they had been seen (rows moved between pages while paging).</summary>
    public int Duplicates { get; private set; }

    /// <summary>How many times the list was read from the start (more than one when rows moved and some may have been hidden).</summary>
    public int Passes { get; private set; }

    /// <summary>List requests made.</summary>
    public int Requests { get; private set; }

    /// <summary>
    /// The number of rows the API said exist, from the latest pass that read the list from its start (the largest count
    /// of that pass: under either reading of <c>count</c> that is the total); null when the API gave none.
    /// </summary>
    public int? ApiCount { get; private set; }

    /// <summary>True when the latest pass ended where the API showed the end of the list.</summary>
    public bool EndProven { get; private set; }

    /// <summary>Why the latest pass ended without proof, or fell short of the count (null when it did neither).</summary>
    public string? Shortfall { get; private set; }

    /// <summary>True when the API stopped serving rows by offset while its count said more exist (an offset ceiling).</summary>
    public bool StoppedBeforeCount { get; private set; }

    /// <summary>Rows that could not be read at all.</summary>
    public IReadOnlyCollection<UnreadableRow> Unreadable => _unreadable.Values;

    /// <summary>Rows the API served, readable or not, distinct.</summary>
    public int Served => Distinct + _unreadable.Count;

    /// <summary>
    /// Every row the API said exists was seen: the end was shown by the API and nothing it counted is missing. With no
    /// count from the API, the shown end is all there is to go by.
    /// </summary>
    public bool Complete => EndProven && (ApiCount is not { } count || Served >= count);

    /// <summary>One sentence on what was seen, for warnings and the sync log: "saw 250 of the 284 conversations the API counts".</summary>
    public string Describe(string what) => Describe(what, Served, ApiCount, Shortfall);

    /// <summary>The same sentence for figures gathered over several passes (a resumed pass, the durable seen set).</summary>
    internal static string Describe(string what, int seen, int? apiCount, string? shortfall)
    {
        var counted = apiCount is { } count
            ? string.Create(CultureInfo.InvariantCulture, $"saw {seen} of the {count} {what} the API counts")
            : string.Create(CultureInfo.InvariantCulture, $"saw {seen} {what} (the API gives no count)");
        return shortfall is null ? counted : counted + "; " + shortfall;
    }

    /// <summary>Whether <paramref name="id"/> is new to this tally (false: seen before, counted as a duplicate).</summary>
    internal bool Add(long id)
    {
        if (_seen.Add(id))
        {
            return true;
        }

        Duplicates++;
        return false;
    }

    internal bool HasSeen(long id) => _seen.Contains(id);

    internal void AddUnreadable(UnreadableRow row) => _unreadable.TryAdd(row.Endpoint + "#" + row.Id, row);

    internal void CountRequest() => Requests++;

    internal void BeginPass()
    {
        Passes++;
        EndProven = false;
        Shortfall = null;
        StoppedBeforeCount = false;
        ApiCount = null;
    }

    internal void Counted(int count) => ApiCount = Math.Max(ApiCount ?? 0, count);

    internal void EndShown() => EndProven = true;

    internal void Cut(string reason)
    {
        EndProven = false;
        Shortfall = reason;
    }

    internal void StoppedShort(string reason)
    {
        StoppedBeforeCount = true;
        Shortfall = reason;
    }
}
