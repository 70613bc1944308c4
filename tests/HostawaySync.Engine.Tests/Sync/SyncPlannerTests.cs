using Dapper;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>
/// The plan a sync runs: decided once from the request and the store's state, and the run executes exactly it (the modes
/// its log and result show are the plan's).
/// </summary>
public sealed class SyncPlannerTests
{
    private static readonly SyncRequest Automatic = new();

    [Fact]
    public async Task Automatic_mode_reconciles_once_ReconcileIntervalHours_is_reached_and_runs_incrementally_before()
    {
        await using var harness = await SyncHarness.StartAsync(61, DatasetOptions.Tiny);
        await harness.RunAsync(SyncMode.Full);
        var summary = StoreSummary.TryRead(harness.Store)!;
        var lastFull = new[] { "reservations", "conversations" }.Select(r => StoreClock.Parse(summary.State(r)!.LastFullSyncAt)!.Value).Min();

        var before = SyncPlanner.Plan(Automatic, summary, lastFull + TimeSpan.FromHours(167.9));
        var reached = SyncPlanner.Plan(Automatic, summary, lastFull + TimeSpan.FromHours(168));

        Assert.Equal(SyncMode.Incremental, before.Mode);
        Assert.Equal([SyncMode.Full, SyncMode.Incremental, SyncMode.Incremental, SyncMode.Incremental], before.Steps.Select(s => s.Mode));
        Assert.Equal(SyncMode.Reconcile, reached.Mode);
        Assert.Equal([SyncMode.Full, SyncMode.Reconcile, SyncMode.Reconcile, SyncMode.Reconcile], reached.Steps.Select(s => s.Mode));
        Assert.Contains("ReconcileIntervalHours", reached.Reason, StringComparison.Ordinal);
        Assert.Contains("one request per conversation with new messages", reached.Estimate, StringComparison.Ordinal);

        var run = await SyncRunner.RunAsync(harness.Options() with { Plan = reached });
        Assert.Equal(SyncStatus.Succeeded, run.Status);
        AssertRunShowsPlan(harness, run, reached);
    }

    [Fact]
    public async Task A_ReconcileIntervalHours_of_zero_never_reconciles_on_its_own()
    {
        await using var harness = await SyncHarness.StartAsync(62, DatasetOptions.Tiny);
        await harness.RunAsync(SyncMode.Full);
        var summary = StoreSummary.TryRead(harness.Store)!;

        var plan = SyncPlanner.Plan(Automatic with { ReconcileInterval = TimeSpan.Zero }, summary, DateTime.UtcNow.AddYears(10));
        var asked = SyncPlanner.Plan(Automatic with { ReconcileInterval = TimeSpan.Zero, Mode = SyncMode.Reconcile }, summary, DateTime.UtcNow);

        Assert.Equal(SyncMode.Incremental, plan.Mode);
        Assert.Equal(SyncMode.Reconcile, asked.Mode);
    }

    [Fact]
    public async Task IfDue_skips_the_run_until_SyncIntervalHours_has_passed()
    {
        await using var harness = await SyncHarness.StartAsync(63, DatasetOptions.Tiny);
        await harness.RunAsync(SyncMode.Full);
        var summary = StoreSummary.TryRead(harness.Store)!;
        var last = summary.LastSuccessAt!.Value;
        var request = Automatic with { IfDue = true, SyncInterval = TimeSpan.FromHours(24) };

        var early = SyncPlanner.Plan(request, summary, last.AddHours(23));
        var due = SyncPlanner.Plan(request, summary, last.AddHours(24));

        Assert.False(early.Due);
        Assert.Empty(early.Steps);
        Assert.StartsWith("Not due", early.Reason, StringComparison.Ordinal);
        Assert.True(due.Due);
        Assert.Equal(SyncResources.All, due.Resources);
        await Assert.ThrowsAsync<ArgumentException>(() => SyncRunner.RunAsync(harness.Options() with { Plan = early }));
    }

    [Fact]
    public async Task After_listings_alone_an_automatic_run_plans_and_runs_the_same_modes()
    {
        await using var harness = await SyncHarness.StartAsync(64, DatasetOptions.Tiny);
        var listings = SyncPlanner.Plan(harness.Store, new SyncRequest { Mode = SyncMode.Full, Resources = SyncResources.Listings }, DateTime.UtcNow);
        var first = await SyncRunner.RunAsync(harness.Options() with { Plan = listings });
        AssertRunShowsPlan(harness, first, listings);

        var plan = SyncPlanner.Plan(harness.Store, Automatic, DateTime.UtcNow);
        var run = await SyncRunner.RunAsync(harness.Options() with { Plan = plan });

        // Reservations, conversations and reviews were never synced: their passes are full, and the plan says so (not "incremental").
        Assert.Equal([SyncMode.Full, SyncMode.Full, SyncMode.Full, SyncMode.Full], plan.Steps.Select(s => s.Mode));
        Assert.Equal(SyncMode.Full, plan.Mode);
        Assert.Contains("never synced", plan.Steps[1].Reason, StringComparison.Ordinal);
        Assert.Equal(SyncStatus.Succeeded, run.Status);
        AssertRunShowsPlan(harness, run, plan);
    }

    [Fact]
    public async Task The_per_resource_prerequisites_are_part_of_the_plan()
    {
        await using var harness = await SyncHarness.StartAsync(65, DatasetOptions.Tiny);
        var conversations = new SyncRequest { Resources = SyncResources.Conversations, WithPrerequisites = true };

        var empty = SyncPlanner.Plan(harness.Store, conversations, DateTime.UtcNow);
        await harness.RunAsync(SyncMode.Full);
        var synced = SyncPlanner.Plan(harness.Store, conversations, DateTime.UtcNow);
        var reservations = SyncPlanner.Plan(harness.Store, new SyncRequest { Resources = SyncResources.Reservations, WithPrerequisites = true }, DateTime.UtcNow);

        Assert.Equal(SyncResources.Listings | SyncResources.Reservations | SyncResources.Conversations, empty.Resources);
        Assert.Equal(SyncResources.Reservations | SyncResources.Conversations, synced.Resources);
        Assert.Equal(SyncResources.Reservations, reservations.Resources);
    }

    [Fact]
    public void On_an_empty_database_the_estimate_says_the_size_is_unknown()
    {
        using var folder = new TempFolder();
        var missing = SyncPlanner.Plan(StoreLocation.FromPath(folder.Combine("none.db")), Automatic, DateTime.UtcNow);
        var empty = SyncPlanner.Plan(Automatic, new StoreSummary(0, 0, 0, 0, null, false), DateTime.UtcNow);

        foreach (var plan in new[] { missing, empty })
        {
            Assert.Equal(SyncMode.Full, plan.Mode);
            Assert.Null(plan.EstimatedRequests);
            Assert.Contains("unknown until the first pages arrive", plan.Estimate, StringComparison.Ordinal);
            Assert.DoesNotContain("about 3 requests", plan.Estimate, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task The_planner_sees_state_committed_in_the_WAL_and_leaves_no_side_files()
    {
        await using var harness = await SyncHarness.StartAsync(66, DatasetOptions.Tiny);
        await harness.RunAsync(SyncMode.Full);
        SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(harness.DatabasePath)!;
        var files = Directory.GetFileSystemEntries(folder).Order().ToList();
        Assert.DoesNotContain(files, f => f.EndsWith("-wal", StringComparison.Ordinal) || f.EndsWith("-shm", StringComparison.Ordinal));

        // Nothing in the WAL: the file alone is read, and nothing is left beside it.
        Assert.Equal(SyncMode.Incremental, SyncPlanner.Plan(harness.Store, Automatic, DateTime.UtcNow).Mode);
        Assert.Equal(files, Directory.GetFileSystemEntries(folder).Order());

        using (var writer = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False"))
        {
            writer.Open();
            writer.Execute("PRAGMA wal_autocheckpoint = 0;");
            writer.Execute("UPDATE sync_state SET last_full_sync_at = '2000-01-01T00:00:00Z' WHERE resource IN ('reservations', 'conversations');");
            var withWal = Directory.GetFileSystemEntries(folder).Order().ToList();
            Assert.True(new FileInfo(harness.DatabasePath + "-wal").Length > 0);

            var plan = SyncPlanner.Plan(harness.Store, Automatic, DateTime.UtcNow);

            Assert.Equal(SyncMode.Reconcile, plan.Mode);
            Assert.Contains("2000-01-01", plan.Reason, StringComparison.Ordinal);
            Assert.Equal(withWal, Directory.GetFileSystemEntries(folder).Order());
        }

        // The writer was the last connection: it checkpointed and removed its side files, so the folder is as it was.
        Assert.Equal(files, Directory.GetFileSystemEntries(folder).Order());
    }

    /// <summary>The run's result, and its rows in the sync log, show the plan's modes.</summary>
    private static void AssertRunShowsPlan(SyncHarness harness, SyncRunResult run, SyncPlan plan)
    {
        Assert.Equal(plan.Mode, run.Mode);
        Assert.Equal(plan.Steps.Select(s => (s.Resource, s.Mode)), run.Resources.Select(r => (r.Resource, r.Mode)));
        using var db = harness.Open();
        var logged = db.Query<(string Resource, string Mode)>("SELECT resource, mode FROM sync_logs WHERE run_id = @RunId ORDER BY sync_log_id;", new { run.RunId }).ToList();
        Assert.Equal(
            new[] { ("Run", plan.Mode.ToString()) }.Concat(plan.Steps.Select(s => (s.Resource.ToString(), s.Mode.ToString()))),
            logged);
    }
}
