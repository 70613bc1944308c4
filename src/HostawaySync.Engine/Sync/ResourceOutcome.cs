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
}
