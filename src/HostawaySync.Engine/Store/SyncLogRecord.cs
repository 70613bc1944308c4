namespace HostawaySync.Engine.Store;

/// <summary>
/// How a run or one resource of it ended, as the sync log stores it: the store keeps text and numbers, so it never
/// depends on the sync's own result types.
/// </summary>
internal sealed record SyncLogRecord(
    string Status,
    string Mode,
    long DurationMs,
    int Created,
    int Updated,
    int Unchanged,
    int Deleted,
    long Requests,
    long Retries,
    long RateLimited,
    string? CursorAfter,
    string? ErrorId,
    string? ErrorMessage);
