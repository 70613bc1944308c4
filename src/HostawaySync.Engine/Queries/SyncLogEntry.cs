namespace HostawaySync.Engine.Queries;

/// <summary>One row of the sync log: a whole run (Resource = "Run") or one resource of it.</summary>
public sealed record SyncLogEntry
{
    /// <summary>Row id.</summary>
    public long Id { get; init; }

    /// <summary>The run.</summary>
    public string RunId { get; init; } = string.Empty;

    /// <summary>Run, Listings, Reservations or Conversations.</summary>
    public string Resource { get; init; } = string.Empty;

    /// <summary>Full or Incremental.</summary>
    public string Mode { get; init; } = string.Empty;

    /// <summary>Running, Succeeded, Partial, Failed or Cancelled.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>Start (UTC).</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>End (UTC), null while running.</summary>
    public DateTime? FinishedAt { get; init; }

    /// <summary>Wall time, null while running.</summary>
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

    /// <summary>The request budget in force when the row was closed (API requests per 10 seconds); null while running, or when not recorded.</summary>
    public int? RequestsPer10Seconds { get; init; }

    /// <summary>Where that budget came from (setting, discovered, probed, lowest published, ...), as the engine named it; null when not recorded.</summary>
    public string? RateLimitSource { get; init; }

    /// <summary>Cursor before the run.</summary>
    public string? CursorBefore { get; init; }

    /// <summary>Cursor after the run.</summary>
    public string? CursorAfter { get; init; }

    /// <summary>Stable error id of a failure.</summary>
    public string? ErrorId { get; init; }

    /// <summary>What went wrong.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Module version that ran it.</summary>
    public string? ModuleVersion { get; init; }
}
