using System.Text;
using Dapper;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>Revoked tokens, network loss, concurrent readers, hostile strings and the sync log.</summary>
public sealed class RobustnessTests
{
    private static readonly char[] Unsafe = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    [Fact]
    public async Task A_token_revoked_mid_run_is_replaced_and_the_run_succeeds()
    {
        await using var harness = await SyncHarness.StartAsync(41, DatasetOptions.Small);
        var revoke = new OnProgress(SyncResources.Conversations, 20, () => harness.Simulator.RevokeAllTokens());

        var result = await SyncRunner.RunAsync(harness.Options(SyncMode.Full), progress: revoke);

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        Assert.Equal(2, result.Api.TokensIssued);
        harness.AssertEqualsGroundTruth();
    }

    [Fact]
    public async Task A_network_outage_fails_the_run_cleanly_and_the_next_run_resumes()
    {
        await using var harness = await SyncHarness.StartAsync(42, DatasetOptions.Small);
        var outage = new OnProgress(SyncResources.Conversations, 30, () => _ = harness.Simulator.DisposeAsync().AsTask());

        var failed = await SyncRunner.RunAsync(harness.Options(SyncMode.Full), progress: outage);
        await harness.RestartSimulatorAsync();
        var resumed = await harness.RunAsync();

        Assert.Equal(SyncStatus.Partial, failed.Status);
        Assert.Equal(ErrorIds.ApiUnavailable, failed.Error?.ErrorId);
        Assert.Equal(SyncStatus.Failed, failed.Resources.Single(r => r.Resource == SyncResources.Conversations).Status);
        Assert.Equal(SyncStatus.Succeeded, resumed.Status);
        harness.AssertEqualsGroundTruth();
        using var db = harness.Open();
        Assert.Equal(ErrorIds.ApiUnavailable, db.ExecuteScalar<string>("SELECT error_id FROM sync_logs WHERE resource = 'Conversations' ORDER BY sync_log_id LIMIT 1;"));
    }

    [Fact]
    public async Task An_outage_while_messages_are_fetched_in_parallel_ends_the_run_with_one_error_id()
    {
        await using var harness = await SyncHarness.StartAsync(47, DatasetOptions.Small);
        // Every fetcher in flight fails at about the same moment; the run must report one of them, not an aggregate without an id.
        var outage = new OnProgress(SyncResources.Conversations, 10, () => harness.Simulator.UpdateSettings(s => s with { FaultRate = 1, Faults = FaultKinds.ServerError }), "Fetching messages");

        var failed = await SyncRunner.RunAsync(harness.Options(SyncMode.Full, c => c with { MaxTransientRetries = 2 }), progress: outage);

        Assert.Equal(SyncStatus.Partial, failed.Status);
        Assert.Equal(ErrorIds.ApiUnavailable, failed.Error?.ErrorId);
    }

    [Fact]
    public async Task Readers_are_never_blocked_by_a_running_sync()
    {
        await using var harness = await SyncHarness.StartAsync(43, DatasetOptions.Small);
        await harness.RunAsync(SyncMode.Full);
        using var done = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(() =>
        {
            // A reader the sync blocks gets SQLITE_BUSY at once (busy_timeout 0), which Microsoft.Data.Sqlite retries for the
            // command timeout: 5 s, then the test fails (0 would retry for ever, and a blocked reader would hang the test).
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = harness.DatabasePath, Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 5, Pooling = false }.ToString());
            connection.Open();
            connection.Execute("PRAGMA busy_timeout = 0;");
            while (!done.IsCancellationRequested)
            {
                Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM reservations;") > 0);
                Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM messages_metadata;") > 0);
                reads++;
            }
        });

        var result = await harness.RunAsync(SyncMode.Full);
        await done.CancelAsync();
        await reader;

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        Assert.True(reads > 10, $"only {reads} reads ran during the sync");
    }

    [Fact]
    public async Task Hostile_strings_arrive_intact_in_the_database_and_as_safe_file_names()
    {
        await using var harness = await SyncHarness.StartAsync(44, DatasetOptions.Small);

        await harness.RunAsync(SyncMode.Full);

        harness.AssertEqualsGroundTruth();
        using var db = harness.Open();
        var names = db.Query<string>(
            "SELECT name FROM listings WHERE name IS NOT NULL UNION ALL SELECT guest_name FROM reservations WHERE guest_name IS NOT NULL UNION ALL SELECT recipient_name FROM conversations WHERE recipient_name IS NOT NULL;").ToList();
        // The dataset must really be hostile for this test to mean anything: path parts, SQL, right-to-left text, emoji.
        var kinds = new Func<string, bool>[]
        {
            n => n.Contains("..", StringComparison.Ordinal) || n.Contains('/', StringComparison.Ordinal) || n.Contains('\\', StringComparison.Ordinal),
            n => n.Contains("DROP TABLE", StringComparison.Ordinal) || n.Contains('\'', StringComparison.Ordinal),
            n => n.Any(c => c is >= '\u0590' and <= '\u08FF'),
            n => n.Any(char.IsSurrogate),
        };
        Assert.True(kinds.Count(kind => names.Any(kind)) >= 3, "the simulated account holds too few hostile names");
        var paths = new ConversationPaths(harness.ConversationsPath);
        var files = db.Query<string>("SELECT file_path FROM conversations WHERE file_path IS NOT NULL;").ToList();
        Assert.NotEmpty(files);
        Assert.Equal(files.Count, files.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var file in files)
        {
            Assert.StartsWith(paths.Root + Path.DirectorySeparatorChar, paths.FullPath(file), StringComparison.Ordinal);
            foreach (var segment in file.Split('/'))
            {
                Assert.True(segment.IndexOfAny(Unsafe) < 0 && !segment.Any(char.IsControl), $"unsafe name: {segment}");
                Assert.True(Encoding.UTF8.GetByteCount(segment) <= 255, $"name too long: {segment}");
                Assert.False(segment is "." or ".." || segment.EndsWith('.') || segment.EndsWith(' '), $"unsafe name: {segment}");
                var stem = segment.Split('.')[0].ToUpperInvariant();
                Assert.DoesNotContain(stem, new[] { "CON", "PRN", "AUX", "NUL", "COM1", "LPT1" });
            }
        }

        Assert.All(Directory.EnumerateFiles(harness.ConversationsPath, "*", SearchOption.AllDirectories), f => Assert.StartsWith(paths.Root, Path.GetFullPath(f), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sync_log_records_each_run_and_resource_without_secrets()
    {
        await using var harness = await SyncHarness.StartAsync(45, DatasetOptions.Tiny);

        var full = await harness.RunAsync();
        harness.Simulator.Mutate(new MutationRequest { NewMessages = 2, UpdatedReservations = 1, Seed = 3 });
        var incremental = await harness.RunAsync();

        Assert.Equal(SyncMode.Full, full.Mode);
        Assert.Equal(SyncMode.Incremental, incremental.Mode);
        using var db = harness.Open();
        var rows = db.Query<(string RunId, string Resource, string Mode, string Status, long Created, long Updated, long Requests, string? CursorBefore, string? CursorAfter, long? DurationMs)>(
            "SELECT run_id, resource, mode, status, created, updated, requests, cursor_before, cursor_after, duration_ms FROM sync_logs ORDER BY sync_log_id;").ToList();
        Assert.Equal(["Run", "Listings", "Reservations", "Conversations", "Reviews", "Run", "Listings", "Reservations", "Conversations", "Reviews"], rows.Select(r => r.Resource));
        Assert.All(rows, r => Assert.Equal("Succeeded", r.Status));
        Assert.Equal(["Full", "Full", "Full", "Full", "Full", "Incremental", "Full", "Incremental", "Incremental", "Incremental"], rows.Select(r => r.Mode));
        Assert.Equal(full.RunId, rows[0].RunId);
        Assert.Equal(rows[1].Requests + rows[2].Requests + rows[3].Requests + rows[4].Requests, rows[0].Requests);
        Assert.True(rows[0].Requests > 3);
        var reservations = rows[7];
        Assert.NotNull(reservations.CursorBefore);
        Assert.NotNull(reservations.CursorAfter);
        Assert.True(reservations.Updated >= 1);
        Assert.All(rows, r => Assert.NotNull(r.DurationMs));
        var everything = string.Join('\n', db.Query<string>("SELECT coalesce(cursor_before,'') || coalesce(cursor_after,'') || coalesce(error_message,'') || coalesce(run_id,'') FROM sync_logs;"));
        Assert.DoesNotContain(harness.Simulator.ClientSecret, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photo_metadata_is_not_stored_when_switched_off()
    {
        await using var harness = await SyncHarness.StartAsync(46, DatasetOptions.Tiny);

        var result = await SyncRunner.RunAsync(harness.Options(SyncMode.Full) with { StorePhotoMetadata = false });

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        using var db = harness.Open();
        Assert.Equal(0, db.ExecuteScalar<long>("SELECT count(*) FROM listing_photos;"));
        Assert.True(db.ExecuteScalar<long>("SELECT sum(photo_count) FROM listings;") > 0, "the dataset has no photos, so this test proves nothing");
    }

    private sealed class OnProgress(SyncResources resource, long done, Action action, string? activity = null) : ISyncProgress
    {
        private int _fired;

        public void Report(SyncProgressUpdate update)
        {
            if (update.Resource == resource && update.Done >= done && (activity is null || update.Activity == activity) && Interlocked.Exchange(ref _fired, 1) == 0)
            {
                action();
            }
        }
    }
}
