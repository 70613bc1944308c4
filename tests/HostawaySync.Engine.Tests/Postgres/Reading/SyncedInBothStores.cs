using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Postgres.Reading;

/// <summary>
/// One simulated Small account synced into SQLite and into PostgreSQL (a database on the collection's server) under the
/// same standing clock: a full sync, changes at the API (deleted listings and reservations, cancellations, new messages),
/// and a second full sync, so both stores hold deleted objects and merged guests too. Each store has its own conversations
/// folder. Synced once, when a test first asks, and shared by the tests of a class, which only read it.
/// </summary>
public sealed class SyncedInBothStores : IAsyncLifetime
{
    private static readonly DateTime FirstSync = new(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime SecondSync = new(2026, 11, 3, 9, 30, 15, DateTimeKind.Utc);

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
        Harness = await SyncHarness.StartAsync(41, DatasetOptions.Small, new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, TokenWarmup = TimeSpan.Zero });
        Harness.ClientTokenWarmup = TimeSpan.Zero;
    }

    /// <summary>The PostgreSQL store, after both stores were synced (the first caller syncs them; a failure fails every caller).</summary>
    public async Task<PostgresStoreLocation> PostgresAsync(PostgresServer server)
    {
        Task<PostgresStoreLocation> synced;
        lock (_gate)
        {
            synced = _synced ??= SyncAsync(server);
        }

        return await synced;
    }

    public async Task DisposeAsync()
    {
        await Harness.DisposeAsync();
        _database?.Dispose();
        _postgresConversations.Dispose();
    }

    private async Task<PostgresStoreLocation> SyncAsync(PostgresServer server)
    {
        _database = server.CreateDatabase();
        var postgres = StoreLocation.FromUrl(_database.ConnectionString);
        await SyncBothAsync(postgres, FirstSync);
        Harness.Simulator.Mutate(new MutationRequest
        {
            DeletedListings = 1, DeletedReservations = 6, CancelledReservations = 4, UpdatedReservations = 6, NewReservations = 6, NewMessages = 12, Seed = 11,
        });
        await SyncBothAsync(postgres, SecondSync);
        return postgres;
    }

    private async Task SyncBothAsync(PostgresStoreLocation postgres, DateTime now)
    {
        // One conversation at a time: which of two conversations that want the same file name gets it depends on the order.
        var sqlite = Harness.Options(SyncMode.Full, client => client with { TimeProvider = new FixedClock(now) }) with { MessageFetchConcurrency = 1 };
        // The two stores sync side by side: they share nothing but the API.
        var runs = new[] { sqlite, sqlite with { Store = postgres, ConversationsPath = PostgresConversations } }.Select(async options =>
        {
            var result = await SyncRunner.RunAsync(options);
            Assert.True(result.Status == SyncStatus.Succeeded, $"The sync into {options.Store.Provider} ended {result.Status}: {result.Error}");
        });
        await Task.WhenAll(runs);
    }
}
