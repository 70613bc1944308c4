using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Postgres.Reading;

/// <summary>
/// One simulated Small account synced into SQLite and into PostgreSQL (a database on the collection's server) under a
/// standing clock, each store with its own conversations folder; what happens to the account between syncs is the
/// subclass's <see cref="SyncAsync"/>. Synced once, when a test first asks, and shared by the tests, which only read it.
/// </summary>
public abstract class AccountInBothStores(int seed) : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private readonly TempFolder _postgresConversations = new();
    private PostgresDatabase? _database;
    private Task<PostgresStoreLocation>? _synced;

    public SyncHarness Harness { get; private set; } = null!;

    public StoreLocation Sqlite => Harness.DatabasePath;

    public string SqliteConversations => Harness.ConversationsPath;

    public string PostgresConversations => _postgresConversations.Path;

    /// <summary>The PostgreSQL database's superuser connection string (schema 'hostaway').</summary>
    public string PostgresConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        // Under the standing clock the client would wait for a new token forever: neither side waits.
        Harness = await SyncHarness.StartAsync(seed, DatasetOptions.Small, new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, TokenWarmup = TimeSpan.Zero });
        Harness.ClientTokenWarmup = TimeSpan.Zero;
    }

    /// <summary>The PostgreSQL store, after both stores were synced (the first caller syncs them; a failure fails every caller).</summary>
    public async Task<PostgresStoreLocation> PostgresAsync(PostgresServer server)
    {
        Task<PostgresStoreLocation> synced;
        lock (_gate)
        {
            synced = _synced ??= CreateAndSyncAsync(server);
        }

        return await synced;
    }

    public async Task DisposeAsync()
    {
        await Harness.DisposeAsync();
        _database?.Dispose();
        _postgresConversations.Dispose();
    }

    /// <summary>Syncs both stores, changing the account between syncs as the subclass wants.</summary>
    protected abstract Task SyncAsync(PostgresStoreLocation postgres);

    /// <summary>One sync of both stores, side by side (they share nothing but the API), each expected to succeed.</summary>
    protected async Task SyncBothAsync(PostgresStoreLocation postgres, DateTime now, SyncResources resources = SyncResources.All)
    {
        // One conversation at a time: which of two conversations that want the same file name gets it depends on the order.
        var sqlite = Harness.Options(SyncMode.Full, client => client with { TimeProvider = new FixedClock(now) }) with { MessageFetchConcurrency = 1, Resources = resources };
        var runs = new[] { sqlite, sqlite with { Store = postgres, ConversationsPath = PostgresConversations } }.Select(async options =>
        {
            var result = await SyncRunner.RunAsync(options);
            Assert.True(result.Status == SyncStatus.Succeeded, $"The sync into {options.Store.Provider} ended {result.Status}: {result.Error}");
        });
        await Task.WhenAll(runs);
    }

    private async Task<PostgresStoreLocation> CreateAndSyncAsync(PostgresServer server)
    {
        _database = server.CreateDatabase();
        var postgres = StoreLocation.FromUrl(_database.ConnectionString);
        await SyncAsync(postgres);
        return postgres;
    }
}
