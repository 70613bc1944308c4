using System.Management.Automation;

namespace HostawaySync.Output;

/// <summary>What Get-HostawaySyncLog returns: one sync log row (a run, or one resource of a run), with flat, CSV-friendly columns.</summary>
public sealed class HostawaySyncLogEntry : IStoredObject
{
    /// <inheritdoc />
    [Hidden]
    public string? DatabasePath { get; set; }

    /// <inheritdoc />
    [Hidden]
    public string? DatabaseUrl { get; set; }

    /// <summary>Row id.</summary>
    public long Id { get; init; }

    /// <summary>The run (Invoke-HostawaySync's RunId).</summary>
    public string RunId { get; init; } = string.Empty;

    /// <summary>Run, Listings, Reservations or Conversations.</summary>
    public string Resource { get; init; } = string.Empty;

    /// <summary>Full, Incremental or Reconcile.</summary>
    public string Mode { get; init; } = string.Empty;

    /// <summary>Running, Succeeded, Partial, Failed or Cancelled.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>Start (UTC).</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>End (UTC).</summary>
    public DateTime? FinishedAt { get; init; }

    /// <summary>Wall time.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Rows created.</summary>
    public int Created { get; init; }

    /// <summary>Rows changed.</summary>
    public int Updated { get; init; }

    /// <summary>Rows unchanged.</summary>
    public int Unchanged { get; init; }

    /// <summary>Rows marked deleted.</summary>
    public int Deleted { get; init; }

    /// <summary>API requests.</summary>
    public long Requests { get; init; }

    /// <summary>Retries.</summary>
    public long Retries { get; init; }

    /// <summary>429 answers.</summary>
    public long RateLimited { get; init; }

    /// <summary>The pace achieved: Requests per second of Duration, rounded to 2 decimals; null without a duration (running) or with a zero one.</summary>
    public double? RequestsPerSecond => Duration is { TotalSeconds: > 0 } duration ? Math.Round(Requests / duration.TotalSeconds, 2) : null;

    /// <summary>The request budget in force when the row was closed (API requests per 10 seconds); empty while running and in rows logged before it was recorded.</summary>
    public int? RequestsPer10Seconds { get; init; }

    /// <summary>Where that budget came from: setting, discovered, probed, lowest published, ... (as the engine named it); empty when not recorded.</summary>
    public string? RateLimitSource { get; init; }

    /// <summary>Stable error id of a failure.</summary>
    public string? ErrorId { get; init; }

    /// <summary>What went wrong.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Cursor before the run (JSON).</summary>
    public string? CursorBefore { get; init; }

    /// <summary>Cursor after the run (JSON).</summary>
    public string? CursorAfter { get; init; }

    /// <summary>Module version that ran it.</summary>
    public string? ModuleVersion { get; init; }
}
