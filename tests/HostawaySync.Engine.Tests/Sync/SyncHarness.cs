using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;
using HostawaySync.Engine.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>A simulator, a temporary database and conversations root, and the checks that compare them.</summary>
public sealed class SyncHarness : IAsyncDisposable
{
    private readonly TempFolder _temp = new();

    private readonly SimulatorOptions _simulatorOptions;

    private SyncHarness(HostawaySimulator simulator, SimulatorOptions simulatorOptions, string? postgresConnectionString)
    {
        Simulator = simulator;
        _simulatorOptions = simulatorOptions;
        DatabasePath = _temp.Combine("data", "hostaway.db");
        ConversationsPath = _temp.Combine("conversations");
        Store = postgresConnectionString is null ? StoreLocation.FromPath(DatabasePath) : StoreLocation.FromUrl(postgresConnectionString);
    }

    /// <summary>The store the syncs write to: the SQLite file at <see cref="DatabasePath"/>, or the PostgreSQL database given to <see cref="StartAsync"/>.</summary>
    public StoreLocation Store { get; }

    /// <summary>Whether <see cref="Store"/> is PostgreSQL.</summary>
    public bool IsPostgres => Store.Provider == StoreProvider.PostgreSql;

    public HostawaySimulator Simulator { get; private set; }

    public string DatabasePath { get; }

    public string ConversationsPath { get; }

    /// <summary>The client's wait before using a new token (tests that run many syncs turn it off, with the simulator's).</summary>
    public TimeSpan ClientTokenWarmup { get; set; } = TimeSpan.FromMilliseconds(1100);

    /// <summary>Starts a simulator; the syncs store into a temporary SQLite file, or into <paramref name="postgresConnectionString"/>'s database.</summary>
    public static async Task<SyncHarness> StartAsync(int seed, DatasetOptions dataset, SimulatorSettings? settings = null, string? postgresConnectionString = null)
    {
        var options = new SimulatorOptions
        {
            Seed = seed,
            Dataset = dataset,
            Settings = settings ?? new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0 },
        };
        return new SyncHarness(await HostawaySimulator.StartAsync(options), options, postgresConnectionString);
    }

    /// <summary>The API comes back (same seed, same data; a new port) after the old one was stopped: a network outage.</summary>
    public async Task RestartSimulatorAsync()
    {
        await Simulator.DisposeAsync();
        Simulator = await HostawaySimulator.StartAsync(_simulatorOptions);
    }

    public SyncOptions Options(SyncMode? mode = null, Func<HostawayClientOptions, HostawayClientOptions>? client = null)
    {
        var clientOptions = new HostawayClientOptions
        {
            Credential = new NetworkCredential(Simulator.AccountId.ToString(CultureInfo.InvariantCulture), Simulator.ClientSecret),
            BaseUrl = Simulator.BaseUrl,
            RequestsPer10Seconds = 100_000,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(100),
            MaxTransientRetries = 12,
            RequestTimeout = TimeSpan.FromSeconds(10),
            TokenWarmup = ClientTokenWarmup,
        };
        return new SyncOptions
        {
            Store = Store,
            ConversationsPath = ConversationsPath,
            Client = client?.Invoke(clientOptions) ?? clientOptions,
            Mode = mode,
        };
    }

    public Task<SyncRunResult> RunAsync(SyncMode? mode = null, CancellationToken cancellationToken = default) =>
        SyncRunner.RunAsync(Options(mode), cancellationToken: cancellationToken);

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>A read connection to <see cref="Store"/> (for PostgreSQL, with the schema on the search path).</summary>
    public System.Data.Common.DbConnection OpenStore()
    {
        if (Store is not PostgresStoreLocation postgres)
        {
            return Open();
        }

        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres.Target.ConnectionString) { SearchPath = postgres.Schema, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Every live object of the API is stored, identical; nothing else is live. With <paramref name="deletionsReconciled"/>
    /// false (after incremental syncs), stored rows the API deleted may still be live. The message texts are read from the
    /// conversation files under <paramref name="conversationsPath"/> (by default the harness's own root).
    /// </summary>
    public void AssertEqualsGroundTruth(bool deletionsReconciled = true, string? conversationsPath = null)
    {
        var truth = Simulator.GetGroundTruth();
        using var db = OpenStore();
        if (db is SqliteConnection sqlite)
        {
            Assert.Equal("ok", db.ExecuteScalar<string>("PRAGMA integrity_check;"));
            Assert.Empty(db.Query("PRAGMA foreign_key_check;"));
            AssertSearchIndexComplete(sqlite);
        }
        else
        {
            // PostgreSQL enforces its foreign keys itself; the search index is keyed by message id.
            Assert.Equal(0, db.ExecuteScalar<long>("SELECT count(*) FROM sync_state WHERE resource = 'message_search_backfill';"));
            Assert.Equal(
                db.Query<long>("SELECT message_id FROM messages_metadata ORDER BY 1;"),
                db.Query<long>("SELECT message_id FROM message_search ORDER BY 1;"));
        }

        AssertTable(db, "listings", "listing_id", truth.Listings, deletionsReconciled);
        AssertTable(db, "reservations", "reservation_id", truth.Reservations, deletionsReconciled);

        AssertReviews(db, truth.Reviews, deletionsReconciled);

        var photos = db.Query<(long Id, long ListingId, string Url)>("SELECT p.photo_id, p.listing_id, p.url FROM listing_photos p JOIN listings l ON l.listing_id = p.listing_id WHERE l.deleted_at IS NULL;").ToDictionary(p => p.Id);
        var expectedPhotos = truth.Listings.SelectMany(l => l["listingImages"]!.AsArray().Select(i => (Id: (long)i!["id"]!, ListingId: (long)l["id"]!, Url: (string)i["url"]!))).ToList();
        Assert.Equal(expectedPhotos.Count, photos.Count);
        Assert.All(expectedPhotos, p => Assert.Equal(p, photos[p.Id]));

        var conversations = db.Query<(long Id, string? FilePath)>("SELECT conversation_id, file_path FROM conversations WHERE deleted_at IS NULL;").ToDictionary(c => c.Id);
        var truthConversations = truth.Conversations.Select(c => (long)c["id"]!).ToHashSet();
        var missing = truthConversations.Where(id => !conversations.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, "conversations missing from the database: " + string.Join(", ", missing.Select(id =>
            $"{id} (reservation {truth.Conversations.First(c => (long)c["id"]! == id)["reservationId"]}: "
            + truth.Reservations.FirstOrDefault(r => (long)r["id"]! == (long)truth.Conversations.First(c => (long)c["id"]! == id)["reservationId"]!)?.ToJsonString()
            + " db: " + string.Join(";", db.Query<string>("SELECT coalesce(CAST(updated_on AS text),'-') || ' ' || coalesce(CAST(latest_activity_on AS text),'-') || ' synced ' || coalesce(CAST(conversations_synced_activity AS text),'-') FROM reservations WHERE reservation_id = @Id", new { Id = (long)truth.Conversations.First(c => (long)c["id"]! == id)["reservationId"]! }))
            + " cursor: " + db.ExecuteScalar<string>("SELECT cursor FROM sync_state WHERE resource = 'reservations'") + " now " + Simulator.UtcNow.ToString("O")
            + ")")));
        if (deletionsReconciled)
        {
            Assert.Equal(truthConversations.Order(), conversations.Keys.Order());
        }

        var paths = new ConversationPaths(conversationsPath ?? ConversationsPath);
        foreach (var conversationId in truthConversations)
        {
            var expected = truth.MessagesByConversation.TryGetValue(conversationId, out var list) ? list : [];
            var stored = db.Query<(long Id, string Direction, string? Status, string? FilePath, long Position)>(
                "SELECT message_id, direction, status, file_path, file_position FROM messages_metadata WHERE conversation_id = @Id AND message_id > 0 ORDER BY file_position;", new { Id = conversationId }).ToList();
            Assert.Equal(expected.Select(m => (long)m["id"]!).Order(), stored.Select(m => m.Id).Order());
            foreach (var message in expected)
            {
                var row = stored.Single(s => s.Id == (long)message["id"]!);
                Assert.Equal((int)message["isIncoming"]! == 1 ? "guest" : "host", row.Direction);
                Assert.Equal((string?)message["status"], row.Status);
            }

            var filePath = conversations[conversationId].FilePath;
            Assert.NotNull(filePath);
            var full = paths.FullPath(filePath);
            Assert.StartsWith(paths.Root, full, StringComparison.Ordinal);
            using var reader = new StreamReader(full);
            var parsed = ConversationFileFormat.Parse(reader);
            Assert.Equal(conversationId, parsed.Header.ConversationId);
            var bodies = parsed.Messages.ToDictionary(m => m.Message.MessageId!.Value, m => m.Message.Body);
            foreach (var message in expected)
            {
                var body = ((string?)message["body"] ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
                Assert.Equal(body, bodies[(long)message["id"]!]);
            }
        }

        AssertGuestsArePartition(db);
    }

    /// <summary>The search index holds exactly the stored messages (contentless FTS5 answers rowid lookups and count(*)), and no build is pending.</summary>
    public static void AssertSearchIndexComplete(SqliteConnection db)
    {
        Assert.Equal(0, db.ExecuteScalar<long>("SELECT count(*) FROM sync_state WHERE resource = 'message_search_backfill';"));
        Assert.Equal(0, db.ExecuteScalar<long>("SELECT count(*) FROM messages_metadata m WHERE NOT EXISTS (SELECT 1 FROM message_search s WHERE s.rowid = m.message_id);"));
        Assert.Equal(db.ExecuteScalar<long>("SELECT count(*) FROM messages_metadata;"), db.ExecuteScalar<long>("SELECT count(*) FROM message_search;"));
    }

    /// <summary>Guests are exactly the connected components of reservations sharing a normalized email or a guest account id.</summary>
    public void AssertGuestsArePartition(System.Data.Common.DbConnection db)
    {
        var rows = db.Query<(long Id, long? GuestId, string? Email, string? External)>(
            "SELECT reservation_id, guest_id, guest_email, guest_external_account_id FROM reservations WHERE raw_json <> '{}';").ToList();
        var parent = rows.ToDictionary(r => r.Id, r => r.Id);
        long Find(long x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        foreach (var group in rows.Where(r => !string.IsNullOrWhiteSpace(r.Email)).GroupBy(r => r.Email!.Trim().ToLowerInvariant())
                     .Concat(rows.Where(r => !string.IsNullOrWhiteSpace(r.External)).GroupBy(r => r.External!.Trim())))
        {
            var first = group.First().Id;
            foreach (var other in group.Skip(1))
            {
                parent[Find(other.Id)] = Find(first);
            }
        }

        Assert.All(rows, r => Assert.NotNull(r.GuestId));
        var expected = rows.GroupBy(r => Find(r.Id)).Select(g => g.Select(r => r.Id).Order().ToArray()).Select(a => string.Join(',', a)).Order().ToList();
        var actual = rows.GroupBy(r => r.GuestId).Select(g => g.Select(r => r.Id).Order().ToArray()).Select(a => string.Join(',', a)).Order().ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(0, db.ExecuteScalar<long>("SELECT count(*) FROM reservations r JOIN guests g ON g.guest_id = r.guest_id WHERE g.merged_into_guest_id IS NOT NULL;"));
    }

    /// <summary>A fingerprint of every table (rows and their updated_at), to prove a repeated sync changed nothing.</summary>
    public string Fingerprint()
    {
        using var db = Open();
        var parts = new List<string>();
        foreach (var table in new[] { "listings", "listing_photos", "guests", "guest_identity_keys", "reservations", "conversations", "messages_metadata", "reviews", "review_categories" })
        {
            var rows = db.Query($"SELECT * FROM {table} ORDER BY 1, 2;")
                .Select(row => string.Join('\u001f', ((IDictionary<string, object?>)row).Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
            parts.Add(table + ":" + string.Join('\n', rows));
        }

        return string.Join('\n', parts);
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    /// <summary>
    /// The reviews as the API serves them, each with its category ratings as rows, and the review search index holding
    /// exactly the live and deleted reviews that have text.
    /// </summary>
    private static void AssertReviews(System.Data.Common.DbConnection db, IReadOnlyList<JsonObject> truth, bool deletionsReconciled)
    {
        AssertTable(db, "reviews", "review_id", truth, deletionsReconciled);
        var categories = db.Query<(long Id, string Category, double? Rating)>("SELECT review_id, category, CAST(rating AS float) FROM review_categories;")
            .ToLookup(c => c.Id, c => (c.Category, c.Rating));
        foreach (var review in truth)
        {
            var id = (long)review["id"]!;
            var expected = review["reviewCategory"]!.AsArray().Select(c => ((string)c!["category"]!, (double?)c["rating"])).Order().ToList();
            Assert.Equal(expected, categories[id].Order().ToList());
        }

        var withText = db.Query<(long Id, string? PublicReview, string? PrivateFeedback, string? Response)>(
                "SELECT review_id, public_review, private_feedback, reviewee_response FROM reviews ORDER BY 1;")
            .Where(r => new[] { r.PublicReview, r.PrivateFeedback, r.Response }.Any(t => !string.IsNullOrWhiteSpace(t))).Select(r => r.Id).ToList();
        var indexed = db is SqliteConnection
            ? db.Query<long>("SELECT rowid FROM review_search ORDER BY 1;").AsList()
            : db.Query<long>("SELECT review_id FROM review_search ORDER BY 1;").AsList();
        Assert.Equal(withText, indexed);
    }

    private static void AssertTable(System.Data.Common.DbConnection db, string table, string idColumn, IReadOnlyList<JsonObject> truth, bool deletionsReconciled)
    {
        // Portable SQL: raw_json is text in SQLite and jsonb in PostgreSQL, deleted_at text or timestamptz.
        var stored = db.Query<(long Id, string Json, long Deleted)>(
            $"SELECT {idColumn}, CAST(raw_json AS text), CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END FROM {table} WHERE raw_json <> '{{}}';").ToDictionary(r => r.Id);
        foreach (var expected in truth)
        {
            var id = (long)expected["id"]!;
            Assert.True(stored.TryGetValue(id, out var row), $"{table} {id} is missing");
            Assert.Equal(0, row.Deleted);
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(row.Json)), $"{table} {id} differs from the API");
        }

        var live = stored.Values.Where(r => r.Deleted == 0).Select(r => r.Id).ToHashSet();
        var truthIds = truth.Select(t => (long)t["id"]!).ToHashSet();
        if (deletionsReconciled)
        {
            Assert.Equal(truthIds.Order(), live.Order());
        }
        else
        {
            Assert.Superset(truthIds, live);
        }
    }
}
