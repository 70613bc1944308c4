using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Copy;
using HostawaySync.Engine.Store.Postgres;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Store.Contract;
using HostawaySync.Engine.Tests.Store.Copy;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>Copies between SQLite and PostgreSQL, both ways: every value exact, and the copy's next sync the incremental its source would run.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresCopyTests(PostgresServer server)
{
    [PostgresFact]
    public void The_catalog_names_every_table_of_the_postgres_schema()
    {
        using var database = server.CreateDatabase();
        PostgresDatabaseInitializer.Initialize(database.ConnectionString);
        using var db = database.Open();

        var tables = db.Query<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'hostaway' ORDER BY table_name COLLATE \"C\";");

        Assert.Equal(tables, CopyCatalog.Tables.Select(t => t.Name).Concat(CopyCatalog.NotCopied).Concat(CopyCatalog.PostgresSearchTotals).Order(StringComparer.Ordinal));
    }

    [PostgresFact]
    public async Task Sqlite_to_postgres_to_sqlite_gives_back_every_value_and_the_postgres_copy_syncs_on_incrementally()
    {
        await using var harness = await CopyScenario.SyncedAsync(71, DatasetOptions.Small);
        using var database = server.CreateDatabase();
        using var temp = new TempFolder();
        const string Password = "never-shown-7f3a";
        var postgres = StoreLocation.FromUrl(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = Password }.ConnectionString);
        var back = temp.Combine("back", "hostaway.db");
        var log = new ListLog();
        using (var db = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False"))
        {
            // A pace on the runs' rows, to be copied both ways with the rest of the log.
            db.Open();
            Assert.True(db.Execute("UPDATE sync_logs SET requests_per_10s = 190, rate_limit_source = 'probed' WHERE resource = 'Run';") > 0);
        }

        var there = await StoreCopier.CopyAsync(new StoreCopyOptions { Source = harness.DatabasePath, Destination = postgres, ConversationsPath = harness.ConversationsPath, BatchSize = 700 }, log);
        var source = StoreContents.ReadSqlite(harness.DatabasePath);
        StoreContents.AssertEqual(source, StoreContents.ReadPostgres(database.ConnectionString));
        var returned = await StoreCopier.CopyAsync(new StoreCopyOptions { Source = postgres, Destination = back, ConversationsPath = harness.ConversationsPath }, log);

        StoreContents.AssertEqual(source, StoreContents.ReadSqlite(back));
        Assert.Equal(there.Rows, returned.Rows);
        Assert.Contains(there.Tables, t => t.Table == "guest_merges" && t.Rows > 0);
        Assert.Equal((CopySearchIndex.Built, CopySearchIndex.Built), (there.SearchIndex, returned.SearchIndex));
        using (var db = new SqliteConnection($"Data Source={back};Mode=ReadOnly;Pooling=False"))
        {
            db.Open();
            SyncHarness.AssertSearchIndexComplete(db);
        }

        using (var pg = Open(database))
        {
            Assert.Equal(pg.Query<long>("SELECT message_id FROM messages_metadata ORDER BY 1;"), pg.Query<long>("SELECT message_id FROM message_search ORDER BY 1;"));
            Assert.Equal(0, pg.ExecuteScalar<long>("SELECT count(*) FROM sync_state WHERE resource = 'message_search_backfill';"));
        }

        Assert.DoesNotContain(Password, there.Source + there.Destination + returned.Source + string.Join("\n", log.Messages), StringComparison.Ordinal);
        Assert.Contains(log.Messages, m => m.Contains("Copied messages_metadata", StringComparison.Ordinal));

        await CopyScenario.AssertNextSyncIsTheSourcesAsync(harness, postgres, temp.Path, 72);
        AssertEqualsGroundTruth(database, harness.Simulator.GetGroundTruth());
    }

    [PostgresFact]
    public async Task An_account_synced_into_postgres_copied_to_sqlite_syncs_on_incrementally_there()
    {
        using var database = server.CreateDatabase();
        using var temp = new TempFolder();
        var postgres = StoreLocation.FromUrl(database.ConnectionString);
        var files = temp.Combine("pg-conversations");
        await using var harness = await CopyScenario.SyncedAsync(73, DatasetOptions.Tiny, postgres, files);
        var sqlite = temp.Combine("copy.db");

        var result = await StoreCopier.CopyAsync(new StoreCopyOptions { Source = postgres, Destination = sqlite, ConversationsPath = files });

        StoreContents.AssertEqual(StoreContents.ReadPostgres(database.ConnectionString), StoreContents.ReadSqlite(sqlite));
        Assert.Equal(CopySearchIndex.Built, result.SearchIndex);
        await CopyScenario.AssertNextSyncIsTheSourcesAsync(harness, sqlite, temp.Path, 74, postgres, files);
    }

    [PostgresFact]
    public async Task The_search_index_a_copy_builds_in_postgres_is_the_one_a_sync_into_postgres_wrote()
    {
        using var database = server.CreateDatabase();
        using var temp = new TempFolder();
        var synced = StoreLocation.FromUrl(database.ConnectionString);
        var files = temp.Combine("pg-conversations");
        // Small: more conversation files than one transaction of the build takes, more messages than one statement indexes.
        await using var harness = await CopyScenario.SyncedAsync(80, DatasetOptions.Small, synced, files);
        var copied = StoreLocation.FromUrl(database.ConnectionString + ";Schema=hostaway_copy");

        var result = await StoreCopier.CopyAsync(new StoreCopyOptions { Source = synced, Destination = copied, ConversationsPath = files });

        Assert.Equal(CopySearchIndex.Built, result.SearchIndex);
        using var db = database.Open();
        const string Index = "SELECT message_id, body::text, tokens FROM {0}.message_search ORDER BY message_id;";
        var written = db.Query<(long, string, int)>(string.Format(CultureInfo.InvariantCulture, Index, "hostaway")).AsList();
        Assert.True(written.Count > 1_000, $"{written.Count} messages indexed");
        Assert.Equal(written, db.Query<(long, string, int)>(string.Format(CultureInfo.InvariantCulture, Index, "hostaway_copy")));
        Assert.Equal(
            db.QuerySingle<(long, long)>("SELECT indexed_messages, indexed_tokens FROM hostaway.message_search_totals;"),
            db.QuerySingle<(long, long)>("SELECT indexed_messages, indexed_tokens FROM hostaway_copy.message_search_totals;"));
    }

    [PostgresFact]
    public async Task A_schema_copies_to_another_schema_of_the_same_database()
    {
        await using var harness = await CopyScenario.SyncedAsync(79, DatasetOptions.Tiny);
        using var database = server.CreateDatabase();
        var first = StoreLocation.FromUrl(database.ConnectionString);
        var second = StoreLocation.FromUrl(database.ConnectionString + ";Schema=hostaway_copy");
        await StoreCopier.CopyAsync(new StoreCopyOptions { Source = harness.DatabasePath, Destination = first, ConversationsPath = harness.ConversationsPath });

        var result = await StoreCopier.CopyAsync(new StoreCopyOptions { Source = first, Destination = second, ConversationsPath = harness.ConversationsPath });

        Assert.Equal(CopySearchIndex.Built, result.SearchIndex);
        StoreContents.AssertEqual(StoreContents.ReadPostgres(database.ConnectionString), StoreContents.ReadPostgres(database.ConnectionString, "hostaway_copy"));
        using var db = database.Open();
        Assert.Equal(
            db.Query<long>("SELECT message_id FROM hostaway.message_search ORDER BY 1;"),
            db.Query<long>("SELECT message_id FROM hostaway_copy.message_search ORDER BY 1;"));
    }

    [PostgresFact]
    public async Task Force_replaces_hostawaysync_data_in_postgres_and_nothing_else_and_without_it_nothing_changes()
    {
        await using var harness = await CopyScenario.SyncedAsync(75, DatasetOptions.Tiny);
        await using var other = await CopyScenario.SyncedAsync(76, DatasetOptions.Tiny);
        using var database = server.CreateDatabase();
        var postgres = StoreLocation.FromUrl(database.ConnectionString);
        await StoreCopier.CopyAsync(new StoreCopyOptions { Source = other.DatabasePath, Destination = postgres });
        using (var pg = database.Open())
        {
            pg.Execute("CREATE TABLE public.other_app (id int PRIMARY KEY, note text); INSERT INTO public.other_app VALUES (1, 'keep me');");
        }

        var before = StoreContents.ReadPostgres(database.ConnectionString);
        var options = new StoreCopyOptions { Source = harness.DatabasePath, Destination = postgres, ConversationsPath = harness.ConversationsPath };

        var refused = await Assert.ThrowsAsync<HostawayException>(() => StoreCopier.CopyAsync(options));
        Assert.Equal(ErrorIds.CopyDestinationNotEmpty, refused.ErrorId);
        StoreContents.AssertEqual(before, StoreContents.ReadPostgres(database.ConnectionString));

        var forced = await StoreCopier.CopyAsync(options with { Force = true });

        Assert.True(forced.ReplacedRows > 0);
        StoreContents.AssertEqual(StoreContents.ReadSqlite(harness.DatabasePath), StoreContents.ReadPostgres(database.ConnectionString));
        using var db = database.Open();
        Assert.Equal("keep me", db.ExecuteScalar<string>("SELECT note FROM public.other_app WHERE id = 1;"));
        Assert.Equal(HostawaySync.Engine.Store.Postgres.PostgresMigrationCatalog.LatestVersion, db.ExecuteScalar<long>("SELECT count(*) FROM hostaway.schema_migrations;"));
    }

    [PostgresFact]
    public async Task A_copy_into_postgres_cancelled_midway_leaves_nothing_of_itself_and_running_it_again_completes()
    {
        await using var harness = await CopyScenario.SyncedAsync(77, DatasetOptions.Tiny);
        using var database = server.CreateDatabase();
        var postgres = StoreLocation.FromUrl(database.ConnectionString);
        var options = new StoreCopyOptions { Source = harness.DatabasePath, Destination = postgres, BatchSize = 10 };

        var seenMidway = await CopyScenario.CancelAfterBatchesAsync(options, 6, () => StoreCopier.Plan(harness.DatabasePath, postgres, force: true).DestinationRows);

        Assert.Equal(0, seenMidway);
        Assert.Equal(0, StoreCopier.Plan(harness.DatabasePath, postgres, force: true).DestinationRows);

        var again = await StoreCopier.CopyAsync(options);

        Assert.Equal(0, again.ReplacedRows);
        StoreContents.AssertEqual(StoreContents.ReadSqlite(harness.DatabasePath), StoreContents.WithoutSearchIndexRequest(StoreContents.ReadPostgres(database.ConnectionString)));
    }

    [PostgresFact]
    public async Task A_source_value_postgres_cannot_hold_unchanged_stops_the_copy_before_anything_is_stored()
    {
        await using var harness = await CopyScenario.SyncedAsync(78, DatasetOptions.Tiny);
        using var database = server.CreateDatabase();
        var postgres = StoreLocation.FromUrl(database.ConnectionString);
        long id;
        using (var db = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False"))
        {
            db.Open();
            id = db.ExecuteScalar<long>("SELECT max(reservation_id) FROM reservations;");
            db.Execute("UPDATE reservations SET arrival_date = 'next week' WHERE reservation_id = @Id;", new { Id = id });
        }

        var error = await Assert.ThrowsAsync<HostawayException>(() => StoreCopier.CopyAsync(new StoreCopyOptions { Source = harness.DatabasePath, Destination = postgres }));

        Assert.Equal(ErrorIds.CopyValueInvalid, error.ErrorId);
        Assert.Contains($"reservations.arrival_date of the row reservation_id = {id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("'next week' is not a date", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, StoreCopier.Plan(harness.DatabasePath, postgres, force: true).DestinationRows);
    }

    [PostgresFact]
    public async Task Nul_in_sqlite_text_and_json_copies_to_postgres_as_the_postgres_store_writes_it()
    {
        using var temp = new TempFolder();
        using var synced = server.CreateDatabase();
        using var copied = server.CreateDatabase();
        var sqlite = temp.Combine("nul.db");
        DatabaseInitializer.Initialize(sqlite);
        using (var store = SqliteSyncStore.OpenForWriting(sqlite))
        {
            WriteTextsWithNul(store);
        }

        using (var store = PostgresSyncStore.Open(synced.ConnectionString))
        {
            WriteTextsWithNul(store);
        }

        using (var db = new SqliteConnection($"Data Source={sqlite};Mode=ReadOnly;Pooling=False"))
        {
            db.Open();
            Assert.Equal("Sea\0view", db.ExecuteScalar<string>("SELECT name FROM listings WHERE listing_id = 1;"));
        }

        await StoreCopier.CopyAsync(new StoreCopyOptions { Source = sqlite, Destination = StoreLocation.FromUrl(copied.ConnectionString) });

        // The values the PostgreSQL store wrote when it received the same objects: U+FFFD for every NUL.
        StoreContents.AssertEqual(StoreContents.ReadPostgres(synced.ConnectionString), StoreContents.WithoutSearchIndexRequest(StoreContents.ReadPostgres(copied.ConnectionString)));
        using var pg = Open(copied);
        Assert.Equal(("Sea\uFFFDview", "Sea\uFFFDview"), pg.QuerySingle<(string, string)>("SELECT name, raw_json ->> 'name' FROM listings WHERE listing_id = 1;"));
        Assert.Equal(
            ("nul\uFFFDguest@example.com", "nul\uFFFDguest@example.com"),
            pg.QuerySingle<(string, string)>("SELECT guest_email, raw_json ->> 'guestEmail' FROM reservations WHERE reservation_id = 20;"));
        Assert.Equal(("via\uFFFDapi", "via\uFFFDapi"), pg.QuerySingle<(string, string)>("SELECT message_source, raw_json ->> 'messageSource' FROM messages_metadata WHERE message_id = 101;"));
    }

    private static NpgsqlConnection Open(PostgresDatabase database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = PostgresTarget.DefaultSchema }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>After incremental syncs: every live object of the API is stored with its JSON, every message of its conversations, and searchable.</summary>
    private static void AssertEqualsGroundTruth(PostgresDatabase database, GroundTruth truth)
    {
        using var pg = Open(database);
        foreach (var (table, key, objects) in new[] { ("listings", "listing_id", truth.Listings), ("reservations", "reservation_id", truth.Reservations) })
        {
            var stored = pg.Query<(long Id, string Json)>($"SELECT {key}, raw_json::text FROM {table} WHERE deleted_at IS NULL AND raw_json <> '{{}}';").ToDictionary(r => r.Id, r => r.Json);
            Assert.All(objects, o => Assert.True(JsonNode.DeepEquals(o, JsonNode.Parse(stored[(long)o["id"]!])), $"{table} {o["id"]} differs from the API"));
        }

        var conversations = pg.Query<long>("SELECT conversation_id FROM conversations WHERE deleted_at IS NULL;").ToHashSet();
        Assert.Superset(conversations, truth.Conversations.Select(c => (long)c["id"]!).ToHashSet());
        var messages = pg.Query<(long Conversation, long Message)>("SELECT conversation_id, message_id FROM messages_metadata WHERE message_id > 0;").ToLookup(m => m.Conversation, m => m.Message);
        foreach (var (conversation, expected) in truth.MessagesByConversation)
        {
            Assert.Equal(expected.Select(m => (long)m["id"]!).Order(), messages[conversation].Order());
        }

        Assert.Equal(pg.Query<long>("SELECT message_id FROM messages_metadata ORDER BY 1;"), pg.Query<long>("SELECT message_id FROM message_search ORDER BY 1;"));
    }

    /// <summary>A listing, a reservation, a conversation and a message whose texts and JSON hold NUL, as a sync would store them.</summary>
    private static void WriteTextsWithNul(ISyncStore store)
    {
        const string Now = "2024-07-01T12:00:00Z";
        using var work = store.Begin();
        work.WriteListings([ContractDocuments.Listing(1, "Sea\\u0000view")], storePhotos: true, Now);
        work.WriteReservations([ContractDocuments.Reservation(20, 1, "nul\0guest@example.com"), ContractDocuments.Reservation(21, 1, "NUL\0guest@example.com", arrival: "2024-09-01")], Now);
        work.WriteConversations([ContractDocuments.Conversation(30, 20, 1)], Now);
        using var message = JsonDocument.Parse("""{"id": 101, "conversationId": 30, "body": "a\u0000b", "isIncoming": 1, "messageSource": "via\u0000api", "date": "2024-05-01 08:00:00"}""");
        var file = new ConversationFileWriteResult("chats/30.txt", "/unused/chats/30.txt", 100, [new ConversationMessagePosition(0, 1, 101, 0)]);
        work.WriteMessages(30, [HostawayMessage.FromJson(message.RootElement.Clone(), 30)], file, Now);
        work.SetConversationFile(30, "chats/30.txt", 1);
        work.Commit();
    }

    private sealed class ListLog : ISyncLog
    {
        public List<string> Messages { get; } = [];

        public bool IsEnabled(SyncLogLevel level) => true;

        public void Write(SyncLogLevel level, string message)
        {
            lock (Messages)
            {
                Messages.Add(message);
            }
        }
    }
}
