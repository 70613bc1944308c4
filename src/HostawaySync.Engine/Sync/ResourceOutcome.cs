using HostawaySync.Engine.Api;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>What a resource syncer reports back to the runner.</summary>
internal sealed class ResourceOutcome
{
    public ResourceOutcome(SyncMode mode, string? cursorBefore)
    {
        Mode = mode;
        CursorBefore = cursorBefore;
        CursorAfter = cursorBefore;
    }

    public SyncMode Mode { get; }

    public UpsertCounts Counts { get; } = new();

    public long Messages { get; set; }

    public string? CursorBefore { get; }

    public string? CursorAfter { get; set; }

    /// <summary>
    /// What kept the resource from a full success although it ran to its end: rows the API counts but the pass could not
    /// see, rows that could not be read. Any of them makes the resource Partial.
    /// </summary>
    public List<HostawayException> Problems { get; } = [];

    /// <summary>Records the problems of a list pass: fewer rows seen than the API counts, or rows that could not be read.</summary>
    public bool Check(PassTally tally, string what)
    {
        if (tally.Unreadable.Count > 0)
        {
            Problems.Add(ApiErrors.Unreadable(what, tally.Unreadable));
        }

        if (!tally.Complete)
        {
            Problems.Add(ApiErrors.Incomplete(what, tally));
        }

        return tally.Complete;
    }
}
