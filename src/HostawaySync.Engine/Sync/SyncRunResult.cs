using HostawaySync.Engine.Api;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Sync;

/// <summary>The outcome of one sync run.</summary>
/// <param name="RunId">Identifies the run in the sync log.</param>
/// <param name="Mode">The mode the run was asked for or chose.</param>
/// <param name="Status">Succeeded, Partial, Failed or Cancelled.</param>
/// <param name="StartedAt">Start (UTC).</param>
/// <param name="Duration">Wall time.</param>
/// <param name="Resources">One result per resource, in the order they ran.</param>
/// <param name="Api">Requests, retries, 429s, bytes and budget waits of the whole run.</param>
/// <param name="Error">The error that stopped the run or a resource, if any.</param>
public sealed record SyncRunResult(
    string RunId,
    SyncMode Mode,
    SyncStatus Status,
    DateTime StartedAt,
    TimeSpan Duration,
    IReadOnlyList<ResourceSyncResult> Resources,
    ApiRunStatistics Api,
    HostawayException? Error)
{
    /// <summary>The request budget in force at the end of the run (requests per 10 s).</summary>
    public int RequestsPer10Seconds { get; init; }

    /// <summary>Where that budget came from.</summary>
    public BudgetSource BudgetSource { get; init; }

    /// <summary>What the auto budget knows of the account's rate limit at the end of the run (null with a set budget, or nothing known).</summary>
    public RateLimitFinding? RateLimit { get; init; }
}
