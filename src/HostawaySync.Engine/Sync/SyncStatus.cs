namespace HostawaySync.Engine.Sync;

/// <summary>How a run or one resource of it ended.</summary>
public enum SyncStatus
{
    /// <summary>Still running (only ever seen in the sync log while a run is in progress).</summary>
    Running,

    /// <summary>Everything was synced.</summary>
    Succeeded,

    /// <summary>Some resources were synced, others failed; or a pass ran to its end but could not show it saw every row the API says exists (the error id says which: HostawaySyncIncomplete, HostawayApiRowUnreadable).</summary>
    Partial,

    /// <summary>Nothing could be synced.</summary>
    Failed,

    /// <summary>Stopped by the user (Ctrl+C); the next run resumes.</summary>
    Cancelled,
}
