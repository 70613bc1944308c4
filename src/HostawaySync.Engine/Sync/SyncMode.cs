namespace HostawaySync.Engine.Sync;

/// <summary>How much a run fetches.</summary>
public enum SyncMode
{
    /// <summary>Everything; reconciles deletions.</summary>
    Full,

    /// <summary>Only what changed since the last run.</summary>
    Incremental,
}
