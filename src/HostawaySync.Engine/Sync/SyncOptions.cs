using HostawaySync.Engine.Api;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>Everything a sync run needs, resolved by the caller (parameters, environment, configuration file, defaults).</summary>
public sealed record SyncOptions
{
    /// <summary>Where the run stores: a SQLite file or a PostgreSQL schema. Setting <see cref="DatabasePath"/> sets it too.</summary>
    public StoreLocation Store { get; init; } = null!;

    /// <summary>Full path of the SQLite database (sets <see cref="Store"/>); for a PostgreSQL store, its URL without the password.</summary>
    public string DatabasePath
    {
        get => Store switch
        {
            SqliteStoreLocation sqlite => sqlite.Path,
            null => string.Empty,
            _ => Store.Display,
        };
        init => Store = new SqliteStoreLocation(value);
    }

    /// <summary>Full path of the conversation files root.</summary>
    public required string ConversationsPath { get; init; }

    /// <summary>API client settings (credentials, base URL, budget...).</summary>
    public required HostawayClientOptions Client { get; init; }

    /// <summary>
    /// The plan the run executes (<see cref="SyncPlanner"/>): its resources, each in its mode. Null: the run plans
    /// <see cref="Mode"/> and <see cref="Resources"/> itself, from the state of the store it opened.
    /// </summary>
    public SyncPlan? Plan { get; init; }

    /// <summary>
    /// Without a <see cref="Plan"/>: Full, Incremental or Reconcile; null chooses full for a store never synced, incremental
    /// otherwise (a run without a plan reconciles only when asked).
    /// </summary>
    public SyncMode? Mode { get; init; }

    /// <summary>Without a <see cref="Plan"/>: which resources to sync.</summary>
    public SyncResources Resources { get; init; } = SyncResources.All;

    /// <summary>Store listing photo URLs and metadata.</summary>
    public bool StorePhotoMetadata { get; init; } = true;

    /// <summary>How far back an incremental sync looks past its cursor (the API's activity filters are date-granular).</summary>
    public TimeSpan IncrementalOverlap { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How far before the previous pass an incremental reviews pass reads again, by departure date (setting
    /// ReviewWindowDays): the review object has no update time, and a review changes only until its channel's review period
    /// and the host's time to respond are over (Booking.com's 28 days plus 30 days for a response is the longest known).
    /// </summary>
    public TimeSpan ReviewWindow { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How long to wait for another sync of the same database to finish before failing with HostawaySyncInProgress.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Conversations whose messages are fetched at once.</summary>
    public int MessageFetchConcurrency { get; init; } = 8;

    /// <summary>Module version recorded in the sync log.</summary>
    public string? ModuleVersion { get; init; }

    /// <summary>
    /// Opens the store the run writes to in place of <see cref="Store"/>, which is then neither initialized nor locked:
    /// for tests that hand the engine a store of their own.
    /// </summary>
    internal Func<ISyncStore>? StoreFactory { get; init; }
}
