namespace HostawaySync.Output;

/// <summary>What one sync run did to one resource (Listings, Reservations or Conversations).</summary>
public sealed class HostawayResourceSyncResult
{
    /// <summary>Listings, Reservations or Conversations.</summary>
    public string Resource { get; init; } = string.Empty;

    /// <summary>Full, Incremental or Reconcile.</summary>
    public string Mode { get; init; } = string.Empty;

    /// <summary>Succeeded, Failed or Cancelled.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>Rows created.</summary>
    public int Created { get; init; }

    /// <summary>Rows changed.</summary>
    public int Updated { get; init; }

    /// <summary>Rows fetched but unchanged.</summary>
    public int Unchanged { get; init; }

    /// <summary>Rows marked deleted.</summary>
    public int Deleted { get; init; }

    /// <summary>Messages new to the database in this run (conversations).</summary>
    public long Messages { get; init; }

    /// <summary>API requests.</summary>
    public long Requests { get; init; }

    /// <summary>Retried requests.</summary>
    public long Retries { get; init; }

    /// <summary>429 answers.</summary>
    public long RateLimited { get; init; }

    /// <summary>Wall time.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Stable error id when it failed.</summary>
    public string? ErrorId { get; init; }

    /// <summary>What went wrong.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>
    /// The resource and how it ended, with the error id if it failed ("Listings: Succeeded"): what a list of a run's
    /// resources shows (Invoke-HostawaySync | Format-List), instead of the type name or nothing.
    /// </summary>
    public override string ToString() => ErrorId is null ? $"{Resource}: {Status}" : $"{Resource}: {Status} ({ErrorId})";
}
