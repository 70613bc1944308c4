namespace HostawaySync.Engine.Sync;

/// <summary>What a run did to one resource.</summary>
/// <param name="Resource">Listings, Reservations or Conversations.</param>
/// <param name="Mode">Full or Incremental (a resource never synced before always runs in full).</param>
/// <param name="Status">How it ended.</param>
/// <param name="Created">Rows created.</param>
/// <param name="Updated">Rows changed.</param>
/// <param name="Unchanged">Rows fetched but identical to what was stored.</param>
/// <param name="Deleted">Rows marked deleted.</param>
/// <param name="Messages">Messages new to the database (conversations only).</param>
/// <param name="Requests">API requests spent on it.</param>
/// <param name="Retries">Retries among them.</param>
/// <param name="RateLimited">429 answers among them.</param>
/// <param name="Duration">Wall time.</param>
/// <param name="CursorBefore">The resource's cursor before the run.</param>
/// <param name="CursorAfter">The cursor after (unchanged if the pass did not finish).</param>
/// <param name="ErrorId">Stable error id when it failed.</param>
/// <param name="ErrorMessage">What went wrong.</param>
public sealed record ResourceSyncResult(
    SyncResources Resource,
    SyncMode Mode,
    SyncStatus Status,
    int Created,
    int Updated,
    int Unchanged,
    int Deleted,
    long Messages,
    long Requests,
    long Retries,
    long RateLimited,
    TimeSpan Duration,
    string? CursorBefore,
    string? CursorAfter,
    string? ErrorId,
    string? ErrorMessage);
