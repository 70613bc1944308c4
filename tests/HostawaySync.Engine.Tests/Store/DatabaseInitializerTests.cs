using System.Security.Cryptography;
using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Store;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Tests.Store;

public sealed class DatabaseInitializerTests : IDisposable
{
    private static readonly string[] RequiredTables =
        ["listings", "listing_photos", "guests", "reservations", "conversations", "messages_metadata", "message_search", "sync_logs", "schema_migrations"];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Creates_the_database_and_its_folders_with_every_table()
    {
        var path = _temp.Combine("a", "b", "hostaway.db");

        var info = DatabaseInitializer.Initialize(path, "1.2.3");

        Assert.Equal(DatabaseAction.Created, info.Action);
        Assert.Equal(0, info.PreviousSchemaVersion);
        Assert.Equal(DatabaseInitializer.CurrentSchemaVersion, info.SchemaVersion);
        Assert.True(File.Exists(path));
        Assert.Equal("wal", info.JournalMode);
        Assert.All(RequiredTables, table => Assert.Contains(table, info.Tables));
        using var connection = Open(path);
        Assert.Equal(DatabaseInitializer.CurrentSchemaVersion, connection.ExecuteScalar<int>("PRAGMA user_version;"));
        Assert.Equal("1.2.3", connection.ExecuteScalar<string>("SELECT module_version FROM schema_migrations WHERE version = 1;"));
        Assert.Contains("listings", connection.Query<string>("SELECT \"table\" FROM pragma_foreign_key_list('listing_photos');"));
    }

    [Fact]
    public void Initializing_twice_changes_nothing_and_keeps_the_data()
    {
        var path = _temp.Combine("hostaway.db");
        DatabaseInitializer.Initialize(path);
        using (var connection = Open(path))
        {
            connection.Execute("INSERT INTO sync_logs (run_id, resource, mode, status, started_at) VALUES ('r1', 'Run', 'Full', 'Succeeded', '2026-01-01T00:00:00Z');");
        }

        var again = DatabaseInitializer.Initialize(path);

        Assert.Equal(DatabaseAction.Unchanged, again.Action);
        Assert.Equal(again.SchemaVersion, again.PreviousSchemaVersion);
        using var check = Open(path);
        Assert.Equal(1, check.ExecuteScalar<int>("SELECT count(*) FROM sync_logs;"));
        Assert.Equal(DatabaseInitializer.CurrentSchemaVersion, check.ExecuteScalar<int>("SELECT count(*) FROM schema_migrations;"));
    }

    [Fact]
    public void A_database_of_an_older_schema_is_upgraded_in_place_keeping_its_data()
    {
        var path = _temp.Combine("older.db");
        var old = DatabaseInitializer.Initialize(path, "0.0.9", targetVersion: 1);
        Assert.Equal(1, old.SchemaVersion);
        Assert.DoesNotContain("conversation_file_index", old.Tables);
        using (var connection = Open(path))
        {
            connection.Execute("INSERT INTO listings (listing_id, name, raw_json, content_hash, first_seen_at, updated_at) VALUES (7, 'Beach House', '{}', 'h', 'now', 'now');");
        }

        var upgraded = DatabaseInitializer.Initialize(path, "1.0.0");

        Assert.Equal(DatabaseAction.Upgraded, upgraded.Action);
        Assert.Equal(1, upgraded.PreviousSchemaVersion);
        Assert.Equal(DatabaseInitializer.CurrentSchemaVersion, upgraded.SchemaVersion);
        Assert.Contains("conversation_file_index", upgraded.Tables);
        using var check = Open(path);
        Assert.Equal("Beach House", check.ExecuteScalar<string>("SELECT name FROM listings WHERE listing_id = 7;"));
        Assert.Equal(["0.0.9", "1.0.0"], check.Query<string>("SELECT module_version FROM schema_migrations ORDER BY version;").Distinct());
    }

    [Fact]
    public void The_table_list_names_the_search_index_but_not_its_shadow_tables()
    {
        var info = DatabaseInitializer.Initialize(_temp.Combine("hostaway.db"));

        Assert.Contains("message_search", info.Tables);
        Assert.DoesNotContain(info.Tables, t => t.StartsWith("message_search_", StringComparison.Ordinal));
    }

    [Fact]
    public void Upgrading_to_version_4_removes_message_text_from_stored_conversations_and_keeps_the_rest()
    {
        var path = _temp.Combine("v3.db");
        DatabaseInitializer.Initialize(path, "0.1.0", targetVersion: 3);
        using (var connection = Open(path))
        {
            connection.Execute("""
                INSERT INTO conversations (conversation_id, raw_json, content_hash, first_seen_at, updated_at)
                VALUES (1, '{"id":1,"recipientName":"Ann","conversationMessages":[{"id":7,"body":"Door code 4711, see you"}]}', 'h', 'now', 'now'),
                       (2, '{"id":2,"conversationMessages":[]}', 'h', 'now', 'now');
                """);
        }

        var upgraded = DatabaseInitializer.Initialize(path);

        Assert.Equal(3, upgraded.PreviousSchemaVersion);
        using var check = Open(path);
        var rows = check.Query<string>("SELECT raw_json FROM conversations ORDER BY conversation_id;").ToList();
        Assert.DoesNotContain("Door code", rows[0], StringComparison.Ordinal);
        Assert.Contains("\"id\":7", rows[0], StringComparison.Ordinal);
        Assert.Contains("Ann", rows[0], StringComparison.Ordinal);
        Assert.Equal("""{"id":2,"conversationMessages":[]}""", rows[1]);
    }

    [Fact]
    public void Upgrading_to_version_5_adds_the_reconcile_columns_empty_and_renames_the_chat_log_kind()
    {
        var path = _temp.Combine("v4.db");
        DatabaseInitializer.Initialize(path, "0.1.0", targetVersion: 4);
        using (var connection = Open(path))
        {
            connection.Execute("""
                INSERT INTO conversations (conversation_id, raw_json, content_hash, first_seen_at, updated_at) VALUES (1, '{"id":1}', 'h', 'now', 'now');
                INSERT INTO conversation_file_index (file_path, length, last_write_utc, kind, indexed_at)
                VALUES ('old/chat.txt', 10, 'now', 'LegacyChatLog', 'now'), ('old/other.txt', 10, 'now', 'Unknown', 'now');
                """);
        }

        var upgraded = DatabaseInitializer.Initialize(path);

        Assert.Equal(4, upgraded.PreviousSchemaVersion);
        using var check = Open(path);
        Assert.Equal(["ChatLog", "Unknown"], check.Query<string>("SELECT kind FROM conversation_file_index ORDER BY file_path;"));
        // A conversation stored before version 5 has no marks or stamp: its first reconcile fetches its messages.
        Assert.Equal(
            (null, null, null, null, null),
            check.QuerySingle<(string?, string?, string?, long?, string?)>("SELECT list_mark, messages_mark, file_sha256, file_bytes, header_mark FROM conversations;"));
    }

    [Fact]
    public void Upgrading_to_version_7_adds_the_sync_log_pace_columns_empty_for_the_rows_logged_before()
    {
        var path = _temp.Combine("v6.db");
        DatabaseInitializer.Initialize(path, "0.1.0", targetVersion: 6);
        using (var connection = Open(path))
        {
            Assert.Empty(connection.Query<string>("SELECT name FROM pragma_table_info('sync_logs') WHERE name IN ('requests_per_10s', 'rate_limit_source');"));
            connection.Execute("""
                INSERT INTO sync_logs (run_id, resource, mode, status, started_at, finished_at, duration_ms, requests)
                VALUES ('r1', 'Run', 'Full', 'Succeeded', '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z', 60000, 120);
                """);
        }

        // Read before the upgrade, as Get-HostawaySyncLog reads a database no sync has upgraded yet: without the pace.
        var before = Assert.Single(StoreReader.SyncLog(StoreLocation.FromPath(path), new SyncLogFilter()));
        Assert.Equal((120L, null, null), (before.Requests, before.RequestsPer10Seconds, before.RateLimitSource));

        var upgraded = DatabaseInitializer.Initialize(path);

        Assert.Equal((DatabaseAction.Upgraded, 6, DatabaseInitializer.CurrentSchemaVersion), (upgraded.Action, upgraded.PreviousSchemaVersion, upgraded.SchemaVersion));
        using var check = Open(path);
        Assert.Equal(
            [("requests_per_10s", "INTEGER"), ("rate_limit_source", "TEXT")],
            check.Query<(string, string)>("SELECT name, type FROM pragma_table_info('sync_logs') WHERE name IN ('requests_per_10s', 'rate_limit_source') ORDER BY cid;"));
        Assert.Equal(
            ("r1", 120L, null, null),
            check.QuerySingle<(string, long, long?, string?)>("SELECT run_id, requests, requests_per_10s, rate_limit_source FROM sync_logs;"));
    }

    [Fact]
    public void Upgrading_a_version_2_database_with_messages_asks_the_next_sync_to_build_the_search_index()
    {
        var withMessages = _temp.Combine("with.db");
        var without = _temp.Combine("without.db");
        DatabaseInitializer.Initialize(withMessages, "0.1.0", targetVersion: 2);
        DatabaseInitializer.Initialize(without, "0.1.0", targetVersion: 2);
        using (var connection = Open(withMessages))
        {
            connection.Execute("INSERT INTO messages_metadata (message_id, direction, content_hash, first_seen_at, updated_at) VALUES (1, 'guest', 'h', 'now', 'now');");
        }

        var upgraded = DatabaseInitializer.Initialize(withMessages);
        DatabaseInitializer.Initialize(without);

        Assert.Equal(2, upgraded.PreviousSchemaVersion);
        Assert.Contains("message_search", upgraded.Tables);
        using var check = Open(withMessages);
        Assert.Equal(1, check.ExecuteScalar<int>("SELECT count(*) FROM sync_state WHERE resource = 'message_search_backfill';"));
        Assert.Equal(0, check.ExecuteScalar<int>("SELECT count(*) FROM message_search;"));
        using var empty = Open(without);
        Assert.Equal(0, empty.ExecuteScalar<int>("SELECT count(*) FROM sync_state;"));
    }

    [Fact]
    public void An_empty_file_becomes_a_database()
    {
        var path = _temp.Combine("empty.db");
        File.WriteAllBytes(path, []);

        var info = DatabaseInitializer.Initialize(path);

        Assert.Equal(DatabaseAction.Created, info.Action);
        Assert.Contains("reservations", info.Tables);
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused_and_left_byte_for_byte()
    {
        var path = _temp.Combine("notes.db");
        File.WriteAllText(path, "These are my notes, not a database.\n" + new string('x', 500));
        var before = Hash(path);

        var error = Assert.Throws<HostawayException>(() => DatabaseInitializer.Initialize(path));

        Assert.Equal(ErrorIds.DatabaseNotSqlite, error.ErrorId);
        Assert.Equal(ErrorKind.StoreUnusable, error.Kind);
        Assert.NotNull(error.RecommendedAction);
        Assert.Equal(before, Hash(path));
        Assert.Single(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void A_directory_is_refused()
    {
        var path = _temp.Combine("folder.db");
        Directory.CreateDirectory(path);

        var error = Assert.Throws<HostawayException>(() => DatabaseInitializer.Initialize(path));

        Assert.Equal(ErrorIds.DatabasePathIsDirectory, error.ErrorId);
        Assert.Empty(Directory.GetFileSystemEntries(path));
    }

    [Fact]
    public void A_database_from_a_newer_module_is_refused_and_untouched()
    {
        var path = _temp.Combine("newer.db");
        DatabaseInitializer.Initialize(path);
        using (var connection = Open(path))
        {
            connection.Execute("PRAGMA user_version = 999;");
        }

        SqliteConnection.ClearAllPools();
        var before = Hash(path);

        var error = Assert.Throws<HostawayException>(() => DatabaseInitializer.Initialize(path));

        Assert.Equal(ErrorIds.DatabaseSchemaTooNew, error.ErrorId);
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public void Another_applications_database_is_refused_and_untouched()
    {
        var path = _temp.Combine("other.db");
        using (var connection = Open(path))
        {
            connection.Execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices VALUES (1, 9.5);");
        }

        SqliteConnection.ClearAllPools();
        var before = Hash(path);

        var error = Assert.Throws<HostawayException>(() => DatabaseInitializer.Initialize(path));

        Assert.Equal(ErrorIds.DatabaseForeign, error.ErrorId);
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public void Inspect_writes_nothing()
    {
        var path = _temp.Combine("not", "yet", "hostaway.db");

        var inspection = DatabaseInitializer.Inspect(path);

        Assert.False(inspection.Exists);
        Assert.Equal(DatabaseAction.Created, inspection.PlannedAction);
        Assert.False(Directory.Exists(_temp.Combine("not")));
    }

    [Fact]
    public void Inspect_reads_the_schema_version_of_an_existing_database()
    {
        var path = _temp.Combine("hostaway.db");
        DatabaseInitializer.Initialize(path);

        var inspection = DatabaseInitializer.Inspect(path);

        Assert.True(inspection.Exists);
        Assert.Equal(DatabaseInitializer.CurrentSchemaVersion, inspection.SchemaVersion);
        Assert.Equal(DatabaseAction.Unchanged, inspection.PlannedAction);
    }

    [Fact]
    public async Task Concurrent_initializations_migrate_once()
    {
        var path = _temp.Combine("race", "hostaway.db");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => DatabaseInitializer.Initialize(path))));

        Assert.Single(results, r => r.Action == DatabaseAction.Created);
        using var connection = Open(path);
        Assert.Equal(DatabaseInitializer.CurrentSchemaVersion, connection.ExecuteScalar<int>("SELECT count(*) FROM schema_migrations;"));
    }

    [Fact]
    public void The_schema_is_consistent_and_has_foreign_keys_on_every_link()
    {
        var path = _temp.Combine("hostaway.db");
        DatabaseInitializer.Initialize(path);

        using var connection = Open(path);
        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check;"));
        Assert.Empty(connection.Query("PRAGMA foreign_key_check;"));
        Assert.Contains("guests", connection.Query<string>("SELECT \"table\" FROM pragma_foreign_key_list('reservations');"));
        Assert.Contains("conversations", connection.Query<string>("SELECT \"table\" FROM pragma_foreign_key_list('messages_metadata');"));
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
