using HostawaySync.Engine.Api;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>Everything a sync run needs, resolved by the caller (parameters, environment, configuration file, defaults).</summary>
public sealed record SyncOptions
{
    /// <summary>Full path of the SQLite database.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Full path of the conversation files root.</summary>
    public required string ConversationsPath { get; init; }

    /// <summary>API client settings (credentials, base URL, budget...).</summary>
    public required HostawayClientOptions Client { get; init; }

    /// <summary>Full or Incremental; null chooses: full for a resource never synced, incremental otherwise.</summary>
    public SyncMode? Mode { get; init; }

    /// <summary>Which resources to sync.</summary>
    public SyncResources Resources { get; init; } = SyncResources.All;

    /// <summary>Store listing photo URLs and metadata.</summary>
    public bool StorePhotoMetadata { get; init; } = true;

    /// <summary>How far back an incremental sync looks past its cursor (the API's activity filters are date-granular).</summary>
    public TimeSpan IncrementalOverlap { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long to wait for another sync of the same database to finish before failing with HostawaySyncInProgress.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Conversations whose messages are fetched at once.</summary>
    public int MessageFetchConcurrency { get; init; } = 8;

    /// <summary>Module version recorded in the sync log.</summary>
    public string? ModuleVersion { get; init; }

    /// <summary>
    /// Opens the store the run writes to, in place of the SQLite database at <see cref="DatabasePath"/> (which is then
    /// neither initialized nor locked): how tests run the engine against PostgreSQL until a setting chooses the store.
    /// </summary>
    internal Func<ISyncStore>? StoreFactory { get; init; }
}
