using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;

namespace HostawaySync.Output;

/// <summary>What Test-HostawaySync returns: one resource's count in the API and in the database.</summary>
public sealed class HostawaySyncDrift
{
    /// <summary>Listings, Reservations or Conversations.</summary>
    public string Resource { get; init; } = string.Empty;

    /// <summary>InSync, Missing (the database holds fewer), Extra (the database holds more) or Unknown (the API gave no count).</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>The API's count.</summary>
    public long? ApiCount { get; init; }

    /// <summary>Rows in the database, not marked deleted.</summary>
    public long StoredCount { get; init; }

    /// <summary>StoredCount minus ApiCount.</summary>
    public long? Difference { get; init; }

    /// <summary>When the resource's last sync pass finished (UTC), or empty if it never did.</summary>
    public DateTime? LastSyncedAt { get; init; }

    /// <summary>The SQLite database, or empty for a PostgreSQL one.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>The PostgreSQL database as a URL without the password, or empty for a SQLite one.</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary>Whether the counts agree.</summary>
    public bool InSync => Status == "InSync";

    internal static HostawaySyncDrift From(ResourceDrift drift, StoreLocation store) => new()
    {
        Resource = drift.Resource.ToString(),
        Status = drift.Difference switch
        {
            null => "Unknown",
            0 => "InSync",
            < 0 => "Missing",
            _ => "Extra",
        },
        ApiCount = drift.ApiCount,
        StoredCount = drift.StoredCount,
        Difference = drift.Difference,
        LastSyncedAt = drift.LastSuccessAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
        DatabasePath = StoredObjectExtensions.SqlitePath(store),
        DatabaseUrl = StoredObjectExtensions.PostgresUrl(store),
    };
}
