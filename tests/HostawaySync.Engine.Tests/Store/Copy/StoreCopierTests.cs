using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Copy;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Tests.Store.Copy;

/// <summary>The copier between two SQLite databases, and what it refuses whatever the stores.</summary>
public sealed class StoreCopierTests
{
    [Fact]
    public void The_catalog_names_every_table_of_the_sqlite_schema()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("hostaway.db");
        DatabaseInitializer.Initialize(path);
        using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        db.Open();
        var tables = db.Query<string>(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name;");

        Assert.Equal(tables, CopyCatalog.Tables.Select(t => t.Name).Concat(CopyCatalog.NotCopied).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_copy_holds_every_row_builds_the_search_index_and_its_next_sync_is_the_incremental_the_source_would_run()
    {
        await using var harness = await CopyScenario.SyncedAsync(61, DatasetOptions.Small);
        using var temp = new TempFolder();
        var copy = temp.Combine("copy", "hostaway.db");
        var reported = new List<StoreCopyProgress>();

        var result = await StoreCopier.CopyAsync(
            new StoreCopyOptions { Source = harness.DatabasePath, Destination = copy, ConversationsPath = harness.ConversationsPath, BatchSize = 500 }, progress: reported.Add);

        var source = StoreContents.ReadSqlite(harness.DatabasePath);
        StoreContents.AssertEqual(source, StoreContents.ReadSqlite(copy));
        Assert.Equal(source.Where(t => t.Key != "sqlite_sequence").Select(t => (t.Key, (long)t.Value.Count)), result.Tables.Select(t => (t.Table, t.Rows)));
        Assert.Contains(result.Tables, t => t.Table == "guest_merges" && t.Rows > 0);
        Assert.Equal(CopySearchIndex.Built, result.SearchIndex);
        Assert.Equal(source["messages_metadata"].Count, result.MessagesIndexed);
        Assert.Equal(0, result.ReplacedRows);
        using (var db = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False"))
        {
            db.Open();
            Assert.Equal("ok", db.ExecuteScalar<string>("PRAGMA integrity_check;"));
            Assert.Empty(db.Query("PRAGMA foreign_key_check;"));
            SyncHarness.AssertSearchIndexComplete(db);
        }

        // Every table reports its batches and ends complete; the whole copy's count only grows.
        Assert.All(result.Tables, t => Assert.Contains(reported, p => p.Table == t.Table && p.Completed && p.Done == t.Rows && p.Total == t.Rows));
        Assert.True(reported.Count(p => p.Table == "messages_metadata" && !p.Completed) > 2);
        Assert.Equal(reported.Select(p => p.RowsDone).Order(), reported.Select(p => p.RowsDone));

        await CopyScenario.AssertNextSyncIsTheSourcesAsync(harness, copy, temp.Path, 62);
    }

    [Fact]
    public async Task A_destination_with_data_is_refused_untouched_and_replaced_only_with_force()
    {
        await using var harness = await CopyScenario.SyncedAsync(63, DatasetOptions.Tiny);
        await using var other = await CopyScenario.SyncedAsync(64, DatasetOptions.Tiny);
        var before = StoreContents.ReadSqlite(other.DatabasePath);
        var options = new StoreCopyOptions { Source = harness.DatabasePath, Destination = other.DatabasePath, ConversationsPath = harness.ConversationsPath };

        var refused = await Assert.ThrowsAsync<HostawayException>(() => StoreCopier.CopyAsync(options));
        var plan = StoreCopier.Plan(harness.DatabasePath, other.DatabasePath, force: true);
        var planRefused = Assert.Throws<HostawayException>(() => StoreCopier.Plan(harness.DatabasePath, other.DatabasePath, force: false));

        Assert.Equal(ErrorIds.CopyDestinationNotEmpty, refused.ErrorId);
        Assert.Equal(ErrorKind.AlreadyExists, refused.Kind);
        Assert.Equal(ErrorIds.CopyDestinationNotEmpty, planRefused.ErrorId);
        StoreContents.AssertEqual(before, StoreContents.ReadSqlite(other.DatabasePath));
        Assert.True(plan.DestinationExists);
        Assert.Equal(before.Where(t => t.Key != "sqlite_sequence").Sum(t => t.Value.Count), plan.DestinationRows);

        var forced = await StoreCopier.CopyAsync(options with { Force = true });

        Assert.Equal(plan.DestinationRows, forced.ReplacedRows);
        StoreContents.AssertEqual(StoreContents.ReadSqlite(harness.DatabasePath), StoreContents.ReadSqlite(other.DatabasePath));
        using var db = new SqliteConnection($"Data Source={other.DatabasePath};Mode=ReadOnly;Pooling=False");
        db.Open();
        SyncHarness.AssertSearchIndexComplete(db);
    }

    [Fact]
    public async Task A_copy_cancelled_midway_leaves_no_data_that_could_pass_for_a_database_and_running_it_again_completes()
    {
        await using var harness = await CopyScenario.SyncedAsync(65, DatasetOptions.Tiny);
        using var temp = new TempFolder();
        var copy = temp.Combine("hostaway.db");
        var options = new StoreCopyOptions { Source = harness.DatabasePath, Destination = copy, BatchSize = 10 };

        // What any other reader of the destination sees while the copy runs: not a partial database.
        var seenMidway = await CopyScenario.CancelAfterBatchesAsync(options, 6, () => StoreCopier.Plan(harness.DatabasePath, copy, force: true).DestinationRows);

        Assert.Equal(0, seenMidway);
        Assert.Equal(0, StoreCopier.Plan(harness.DatabasePath, copy, force: true).DestinationRows);
        Assert.False(StoreSummary.TryRead(copy)?.EverSynced ?? false);

        var again = await StoreCopier.CopyAsync(options);

        Assert.Equal(0, again.ReplacedRows);
        StoreContents.AssertEqual(StoreContents.ReadSqlite(harness.DatabasePath), StoreContents.WithoutSearchIndexRequest(StoreContents.ReadSqlite(copy)));
        Assert.Equal(CopySearchIndex.Pending, again.SearchIndex);
        using var db = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        db.Open();
        Assert.Equal(1, db.ExecuteScalar<long>("SELECT count(*) FROM sync_state WHERE resource = 'message_search_backfill' AND checkpoint = '';"));
    }

    [Fact]
    public async Task A_pending_search_index_is_built_by_the_next_sync()
    {
        await using var harness = await CopyScenario.SyncedAsync(66, DatasetOptions.Tiny);
        using var temp = new TempFolder();
        var copy = temp.Combine("hostaway.db");

        var result = await StoreCopier.CopyAsync(new StoreCopyOptions { Source = harness.DatabasePath, Destination = copy, ConversationsPath = temp.Combine("no-such-folder") });
        var sync = await SyncRunner.RunAsync(harness.Options() with { Store = copy });

        Assert.Equal(CopySearchIndex.Pending, result.SearchIndex);
        Assert.Equal((SyncStatus.Succeeded, SyncMode.Incremental), (sync.Status, sync.Mode));
        using var db = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        db.Open();
        SyncHarness.AssertSearchIndexComplete(db);
    }

    [Fact]
    public async Task A_missing_source_is_not_found_and_nothing_is_created()
    {
        using var temp = new TempFolder();
        var destination = temp.Combine("out", "hostaway.db");

        var error = await Assert.ThrowsAsync<HostawayException>(() => StoreCopier.CopyAsync(new StoreCopyOptions { Source = temp.Combine("none.db"), Destination = destination }));

        Assert.Equal(ErrorIds.DatabaseNotFound, error.ErrorId);
        Assert.False(Directory.Exists(temp.Combine("out")));
        Assert.Equal(ErrorIds.DatabaseNotFound, Assert.Throws<HostawayException>(() => StoreCopier.Plan(temp.Combine("none.db"), destination, force: false)).ErrorId);
    }

    [Fact]
    public async Task A_database_cannot_be_copied_onto_itself()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("hostaway.db");
        DatabaseInitializer.Initialize(path);

        var error = await Assert.ThrowsAsync<HostawayException>(() => StoreCopier.CopyAsync(new StoreCopyOptions { Source = path, Destination = temp.Combine(".", "hostaway.db"), Force = true }));

        Assert.Equal(ErrorIds.CopySameDatabase, error.ErrorId);
    }

    [Fact]
    public async Task A_source_of_an_older_schema_is_refused_and_left_as_it_was()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("old.db");
        DatabaseInitializer.Initialize(path, null, 3);
        var bytes = await File.ReadAllBytesAsync(path);

        var error = await Assert.ThrowsAsync<HostawayException>(() => StoreCopier.CopyAsync(new StoreCopyOptions { Source = path, Destination = temp.Combine("new.db") }));

        Assert.Equal(ErrorIds.CopySourceOutdated, error.ErrorId);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.False(File.Exists(temp.Combine("new.db")));
    }
}
