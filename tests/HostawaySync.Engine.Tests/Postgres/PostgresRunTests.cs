using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Postgres;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;
using Npgsql;

namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>
/// Sync runs chosen by a <see cref="PostgresStoreLocation"/>, as a user's -DatabaseUrl chooses them: every mode equal to the
/// ground truth with the request economy of SQLite, one writer at a time across processes, readers never blocked, kill -9
/// and a server restart mid-run ending cleanly with the next run finishing the job.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresRunTests(PostgresServer server)
{
    private static readonly SimulatorSettings Fast = new() { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, Latency = TimeSpan.FromMilliseconds(3) };

    [PostgresFact]
    public async Task Full_incremental_and_full_again_equal_the_truth_with_the_requests_of_sqlite()
    {
        using var database = server.CreateDatabase();
        await using var postgres = await SyncHarness.StartAsync(41, DatasetOptions.Small, Fast, database.ConnectionString);
        await using var sqlite = await SyncHarness.StartAsync(41, DatasetOptions.Small, Fast);
        var mutation = new MutationRequest { NewReservations = 5, UpdatedReservations = 7, CancelledReservations = 2, DeletedReservations = 2, NewMessages = 11, NewListings = 1, UpdatedListings = 2, DeletedListings = 1,
            NewReviews = 4, AdvancedReviews = 5, HostResponses = 3, DeletedReviews = 2, Seed = 9 };

        var runs = new List<(SyncRunResult Postgres, SyncRunResult Sqlite)> { (await postgres.RunAsync(SyncMode.Full), await sqlite.RunAsync(SyncMode.Full)) };
        postgres.AssertEqualsGroundTruth();
        postgres.Simulator.Mutate(mutation);
        sqlite.Simulator.Mutate(mutation);
        runs.Add((await postgres.RunAsync(), await sqlite.RunAsync()));
        postgres.AssertEqualsGroundTruth(deletionsReconciled: false);
        runs.Add((await postgres.RunAsync(SyncMode.Full), await sqlite.RunAsync(SyncMode.Full)));
        postgres.AssertEqualsGroundTruth();

        Assert.All(runs, run => Assert.Equal((SyncStatus.Succeeded, SyncStatus.Succeeded), (run.Postgres.Status, run.Sqlite.Status)));
        Assert.Equal([SyncMode.Full, SyncMode.Incremental, SyncMode.Full], runs.Select(run => run.Postgres.Mode));
        // The same engine decisions: request for request, and the same created/updated/deleted counts.
        Assert.Equal(runs.Select(run => Economy(run.Sqlite)), runs.Select(run => Economy(run.Postgres)));
        Assert.InRange(runs[1].Postgres.Api.Requests, 1, runs[0].Postgres.Api.Requests / 5);
        using var db = postgres.OpenStore();
        Assert.Equal(
            ["Succeeded", "Succeeded", "Succeeded"],
            db.Query<string>("SELECT status FROM sync_logs WHERE resource = 'Run' ORDER BY sync_log_id;"));
        Assert.Equal(2, db.ExecuteScalar<long>("SELECT count(*) FROM reservations WHERE deleted_at IS NOT NULL;"));
    }

    [PostgresFact]
    public async Task Two_syncs_at_once_take_turns_and_a_third_that_cannot_wait_fails_with_the_in_progress_id()
    {
        using var database = server.CreateDatabase();
        await using var harness = await SyncHarness.StartAsync(42, DatasetOptions.Tiny, Fast with { Latency = TimeSpan.FromMilliseconds(20) }, database.ConnectionString);
        var location = (PostgresStoreLocation)harness.Store;

        var both = await Task.WhenAll(harness.RunAsync(SyncMode.Full), harness.RunAsync(SyncMode.Full));
        Assert.All(both, run => Assert.Equal(SyncStatus.Succeeded, run.Status));
        harness.AssertEqualsGroundTruth();

        using (var holder = await PostgresWriterLock.AcquireAsync(location.Target, TimeSpan.Zero))
        {
            var started = DateTime.UtcNow;
            var error = await Assert.ThrowsAsync<HostawayException>(() => SyncRunner.RunAsync(harness.Options(SyncMode.Full) with { LockTimeout = TimeSpan.FromMilliseconds(600) }));
            Assert.Equal(ErrorIds.SyncInProgress, error.ErrorId);
            Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(550), TimeSpan.FromSeconds(20));
            Assert.Contains("HostawaySync sync (process", error.Message, StringComparison.Ordinal);
            Assert.Contains(location.Database, error.Message, StringComparison.Ordinal);

            // Readers are never blocked by a sync: the store reads while the writer lock is held.
            using var reader = harness.OpenStore();
            Assert.Equal(harness.Simulator.GetGroundTruth().Reservations.Count, reader.ExecuteScalar<long>("SELECT count(*) FROM reservations WHERE deleted_at IS NULL;"));
        }

        // Released: the next run starts at once.
        Assert.Equal(SyncStatus.Succeeded, (await SyncRunner.RunAsync(harness.Options() with { LockTimeout = TimeSpan.Zero })).Status);
    }

    [PostgresFact]
    public async Task A_sync_in_another_process_holds_the_lock_until_it_ends_and_readers_read_meanwhile()
    {
        using var database = server.CreateDatabase();
        await using var harness = await SyncHarness.StartAsync(43, DatasetOptions.Small, Fast with { Latency = TimeSpan.FromMilliseconds(15) }, database.ConnectionString);

        using var first = SyncHostProcess.Start(harness, SyncMode.Full);
        // Wait until the other process is writing (its run is in the sync log), then race it.
        await WaitUntilAsync(() => StoreSnapshot.Read(harness).RunningResource is not null, TimeSpan.FromSeconds(60));
        var mid = StoreSnapshot.Read(harness);
        var second = await SyncRunner.RunAsync(harness.Options(SyncMode.Full) with { LockTimeout = TimeSpan.FromMilliseconds(300) }).ContinueWith(t => t.Exception?.InnerException);
        await SyncHostProcess.WaitForExitAsync(first);

        Assert.Equal(ErrorIds.SyncInProgress, Assert.IsType<HostawayException>(second).ErrorId);
        Assert.Equal(0, first.ExitCode);
        Assert.Empty(mid.LostIn(StoreSnapshot.Read(harness)));
        harness.AssertEqualsGroundTruth();
    }

    [PostgresFact]
    public async Task Syncs_killed_at_random_points_resume_and_end_equal_to_the_ground_truth()
    {
        using var database = server.CreateDatabase();
        await using var harness = await SyncHarness.StartAsync(44, DatasetOptions.Small, Fast, database.ConnectionString);
        var random = new Random(44);
        var kills = await SyncHostProcess.KillRepeatedlyAsync(harness, null, 5, 30, (_, process) => Task.FromResult(!process.WaitForExit(random.Next(400, 2000))));

        // The killed sessions' writer locks went with them: the next run does not wait.
        var final = await SyncRunner.RunAsync(harness.Options() with { LockTimeout = TimeSpan.FromSeconds(5) });

        Assert.True(kills >= 3, $"only {kills} runs were killed; the others finished first");
        Assert.Equal(SyncStatus.Succeeded, final.Status);
        harness.AssertEqualsGroundTruth();
        using var db = harness.OpenStore();
        Assert.Equal(0, db.ExecuteScalar<long>("SELECT count(*) FROM sync_logs WHERE status = 'Running';"));
    }

    [ThrowawayPostgresFact]
    public async Task A_server_restart_mid_run_fails_the_pass_with_the_unreachable_id_and_the_next_run_finishes_it()
    {
        using var database = server.CreateDatabase();
        await using var harness = await SyncHarness.StartAsync(45, DatasetOptions.Small, Fast, database.ConnectionString);
        var restart = new RestartAt(server, SyncResources.Conversations, 40);

        var interrupted = await SyncRunner.RunAsync(harness.Options(SyncMode.Full), progress: restart);
        NpgsqlConnection.ClearAllPools();
        var before = StoreSnapshot.Read(harness);
        var resumed = await harness.RunAsync();

        Assert.True(restart.Restarted);
        // Listings and reservations were done before the restart; the conversations pass lost its connection.
        Assert.Equal(SyncStatus.Partial, interrupted.Status);
        Assert.Equal(
            (SyncStatus.Failed, ErrorIds.DatabaseUnreachable),
            (interrupted.Resources.Single(r => r.Resource == SyncResources.Conversations).Status, interrupted.Error?.ErrorId));
        Assert.Equal(SyncStatus.Succeeded, resumed.Status);
        Assert.True(before.Count("conversations") > 0, "nothing committed before the restart survived it");
        Assert.Empty(before.LostIn(StoreSnapshot.Read(harness)));
        harness.AssertEqualsGroundTruth();
        // The run recorded how it ended (its pool opened a new session once the server was back): nothing is left Running.
        using var db = harness.OpenStore();
        Assert.Equal(0, db.ExecuteScalar<long>("SELECT count(*) FROM sync_logs WHERE status = 'Running';"));
        Assert.Equal(
            ["Partial " + ErrorIds.DatabaseUnreachable, "Failed " + ErrorIds.DatabaseUnreachable],
            db.Query<string>("SELECT status || ' ' || error_id FROM sync_logs WHERE run_id = @RunId AND error_id IS NOT NULL ORDER BY sync_log_id;", new { interrupted.RunId }));
    }

    [PostgresFact]
    public async Task A_sync_whose_lock_session_ends_mid_run_commits_nothing_more_and_the_next_run_finishes_it()
    {
        using var database = server.CreateDatabase();
        await using var harness = await SyncHarness.StartAsync(47, DatasetOptions.Small, Fast, database.ConnectionString);
        // The lock's session is ended (as a server restart, a dropped network or pg_terminate_backend would) while the
        // run's data connection stays up: the run must not go on committing without the lock.
        var terminate = new TerminateLockAt(server, database.Name, SyncResources.Reservations, 100, () => Count(harness));

        var interrupted = await SyncRunner.RunAsync(harness.Options(SyncMode.Full), progress: terminate);
        var after = Count(harness);
        var resumed = await harness.RunAsync();

        Assert.True(terminate.Terminated);
        Assert.Equal(SyncStatus.Partial, interrupted.Status);
        Assert.Equal(
            (SyncStatus.Failed, ErrorIds.DatabaseUnreachable),
            (interrupted.Resources.Single(r => r.Resource == SyncResources.Reservations).Status, interrupted.Error?.ErrorId));
        Assert.Contains("lost its writer lock", interrupted.Error!.Message, StringComparison.Ordinal);
        // Nothing was committed after the lock went: the stored rows are those at the moment it ended.
        Assert.Equal(terminate.CountsAtTermination, after);
        Assert.Equal(SyncStatus.Succeeded, resumed.Status);
        harness.AssertEqualsGroundTruth();
    }

    private static (long Reservations, long Conversations, long Messages) Count(SyncHarness harness)
    {
        using var db = harness.OpenStore();
        return (db.ExecuteScalar<long>("SELECT count(*) FROM reservations;"),
            db.ExecuteScalar<long>("SELECT count(*) FROM conversations;"),
            db.ExecuteScalar<long>("SELECT count(*) FROM messages_metadata;"));
    }

    [PostgresFact]
    public async Task An_unreachable_server_fails_the_run_before_any_request_with_the_unreachable_id()
    {
        await using var harness = await SyncHarness.StartAsync(46, DatasetOptions.Tiny, Fast, $"Host=127.0.0.1;Port={PostgresServer.FreePort()};Database=nowhere;Username=nobody;Timeout=3");

        var error = await Assert.ThrowsAsync<HostawayException>(() => harness.RunAsync(SyncMode.Full));

        Assert.Equal(ErrorIds.DatabaseUnreachable, error.ErrorId);
        Assert.Equal(0, harness.Simulator.GetStats().Requests);
    }

    private static (SyncMode, SyncStatus, long Requests, string Counts)[] Economy(SyncRunResult run) =>
        [.. run.Resources.Select(r => (r.Mode, r.Status, r.Requests, $"{r.Resource} +{r.Created} ~{r.Updated} ={r.Unchanged} -{r.Deleted} m{r.Messages}"))];

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var started = DateTime.UtcNow;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow - started < timeout, "timed out waiting");
            await Task.Delay(50);
        }
    }

    /// <summary>Restarts the server (synchronously, inside the run) once the resource has made some progress.</summary>
    private sealed class RestartAt(PostgresServer server, SyncResources resource, long done) : ISyncProgress
    {
        public bool Restarted { get; private set; }

        public void Report(SyncProgressUpdate update)
        {
            if (!Restarted && update.Resource == resource && update.Done >= done)
            {
                Restarted = true;
                server.Restart();
            }
        }
    }

    /// <summary>Ends the writer lock's session from another connection once the resource has made some progress.</summary>
    private sealed class TerminateLockAt(PostgresServer server, string databaseName, SyncResources resource, long done, Func<(long, long, long)> count) : ISyncProgress
    {
        public bool Terminated { get; private set; }

        public (long, long, long) CountsAtTermination { get; private set; }

        public void Report(SyncProgressUpdate update)
        {
            if (!Terminated && update.Resource == resource && update.Done >= done)
            {
                using var admin = new NpgsqlConnection(server.AdminConnectionString);
                var ended = admin.ExecuteScalar<int>(
                    "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @Database AND application_name LIKE 'HostawaySync sync (process%';",
                    new { Database = databaseName });
                Assert.Equal(1, ended);
                // pg_terminate_backend only signals: wait until the session, and the lock with it, is gone.
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (admin.ExecuteScalar<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = @Database AND application_name LIKE 'HostawaySync sync (process%';", new { Database = databaseName }) > 0)
                {
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the lock's session did not end");
                    Thread.Sleep(20);
                }

                Terminated = true;
                CountsAtTermination = count();
            }
        }
    }
}
