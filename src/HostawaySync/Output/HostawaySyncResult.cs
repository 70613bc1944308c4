using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;

namespace HostawaySync.Output;

/// <summary>What Invoke-HostawaySync returns: the outcome of one sync run, with totals and one entry per resource.</summary>
public sealed class HostawaySyncResult
{
    /// <summary>Identifies the run in the sync log (Get-HostawaySyncLog).</summary>
    public string RunId { get; init; } = string.Empty;

    /// <summary>Succeeded, Partial, Failed or Cancelled.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>Full, Incremental or Reconcile.</summary>
    public string Mode { get; init; } = string.Empty;

    /// <summary>When the run started (UTC).</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>Wall time.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Rows created, all resources.</summary>
    public int Created { get; init; }

    /// <summary>Rows changed, all resources.</summary>
    public int Updated { get; init; }

    /// <summary>Rows fetched but unchanged, all resources.</summary>
    public int Unchanged { get; init; }

    /// <summary>Rows marked deleted, all resources.</summary>
    public int Deleted { get; init; }

    /// <summary>Messages new to the database in this run.</summary>
    public long Messages { get; init; }

    /// <summary>API requests, token requests and retries included.</summary>
    public long Requests { get; init; }

    /// <summary>Retried requests.</summary>
    public long Retries { get; init; }

    /// <summary>429 answers received.</summary>
    public long RateLimited { get; init; }

    /// <summary>The request budget in force at the end of the run, in requests per 10 seconds.</summary>
    public int RequestsPer10Seconds { get; init; }

    /// <summary>Where the budget came from: Setting, LowestPublished, Stored, Probing or Discovered.</summary>
    public string RateLimitSource { get; init; } = string.Empty;

    /// <summary>The account's rate limit as the run knows it (auto budget), in a sentence; empty when a budget was set.</summary>
    public string? RateLimit { get; init; }

    /// <summary>Stable error id of the first failure, if any.</summary>
    public string? ErrorId { get; init; }

    /// <summary>What went wrong, if anything.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The SQLite database written, or empty for a PostgreSQL one.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>The PostgreSQL database written, as a URL without the password, or empty for a SQLite one.</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary>Per-resource results, in the order they ran.</summary>
    public HostawayResourceSyncResult[] Resources { get; init; } = [];

    /// <summary>Maps an engine run result.</summary>
    internal static HostawaySyncResult From(SyncRunResult result, StoreLocation store) => new()
    {
        RunId = result.RunId,
        Status = result.Status.ToString(),
        Mode = result.Mode.ToString(),
        StartedAt = result.StartedAt,
        Duration = result.Duration,
        Created = result.Resources.Sum(r => r.Created),
        Updated = result.Resources.Sum(r => r.Updated),
        Unchanged = result.Resources.Sum(r => r.Unchanged),
        Deleted = result.Resources.Sum(r => r.Deleted),
        Messages = result.Resources.Sum(r => r.Messages),
        Requests = result.Api.Requests,
        Retries = result.Api.Retries,
        RateLimited = result.Api.RateLimited,
        RequestsPer10Seconds = result.RequestsPer10Seconds,
        RateLimitSource = result.BudgetSource.ToString(),
        RateLimit = result.RateLimit?.Describe(),
        ErrorId = result.Error?.ErrorId,
        ErrorMessage = result.Error?.Message,
        DatabasePath = StoredObjectExtensions.SqlitePath(store),
        DatabaseUrl = StoredObjectExtensions.PostgresUrl(store),
        Resources = [.. result.Resources.Select(r => new HostawayResourceSyncResult
        {
            Resource = r.Resource.ToString(), Mode = r.Mode.ToString(), Status = r.Status.ToString(), Created = r.Created, Updated = r.Updated,
            Unchanged = r.Unchanged, Deleted = r.Deleted, Messages = r.Messages, Requests = r.Requests, Retries = r.Retries,
            RateLimited = r.RateLimited, Duration = r.Duration, ErrorId = r.ErrorId, ErrorMessage = r.ErrorMessage,
        })],
    };
}
