namespace HostawaySync.Engine.Store;

/// <summary>
/// How a run or one resource of it ended, as the sync log stores it: the store keeps text and numbers, so it never
/// depends on the sync's own result types. <see cref="RequestsPer10Seconds"/> is the request budget in force when the
/// row was closed and <see cref="RateLimitSource"/> where it came from (setting, discovered, probed, lowest published,
/// ...: free text, stored as given); either may be null, as in rows logged before the store kept them.
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
    string? ErrorMessage,
    int? RequestsPer10Seconds = null,
    string? RateLimitSource = null);
