using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>A reconcile on PostgreSQL: the same requests and changes as on SQLite, equal to the ground truth, and resumable after kill -9.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresReconcileTests(PostgresServer server)
{
    [PostgresFact]
    public async Task A_reconcile_after_every_kind_of_change_equals_the_truth_with_the_requests_of_sqlite()
    {
        using var database = server.CreateDatabase();
        var fast = new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, Latency = TimeSpan.FromMilliseconds(3) };
        await using var postgres = await SyncHarness.StartAsync(48, DatasetOptions.Small, fast, database.ConnectionString);
        await using var sqlite = await SyncHarness.StartAsync(48, DatasetOptions.Small, fast);
        var mutation = new MutationRequest
        {
            NewReservations = 5, UpdatedReservations = 9, CancelledReservations = 2, DeletedReservations = 2, NewMessages = 11, NewListings = 1,
            UpdatedListings = 2, DeletedListings = 1, DeletedListingsWithReservations = 1, DeletedConversations = 2,
            NewReviews = 4, AdvancedReviews = 5, HostResponses = 3, DeletedReviews = 2, OldReviewChanges = 2, Seed = 9,
        };

        Assert.Equal(SyncStatus.Succeeded, (await postgres.RunAsync(SyncMode.Full)).Status);
        Assert.Equal(SyncStatus.Succeeded, (await sqlite.RunAsync(SyncMode.Full)).Status);
        postgres.Simulator.Mutate(mutation);
        sqlite.Simulator.Mutate(mutation);
        var onPostgres = await postgres.RunAsync(SyncMode.Reconcile);
        var onSqlite = await sqlite.RunAsync(SyncMode.Reconcile);

        Assert.Equal((SyncStatus.Succeeded, SyncMode.Reconcile), (onPostgres.Status, onPostgres.Mode));
        postgres.AssertEqualsGroundTruth();
        sqlite.AssertEqualsGroundTruth();
        Assert.Equal(Economy(onSqlite), Economy(onPostgres));
        Assert.True(onPostgres.Resources.Sum(r => r.Deleted) > 0);
    }

    [PostgresFact]
    public async Task A_reconcile_killed_at_random_points_is_finished_by_a_normal_run_equal_to_the_ground_truth()
    {
        using var database = server.CreateDatabase();
        await ReconcileTests.KillDuringReconcileAsync(database.ConnectionString);
    }

    private static (SyncMode, SyncStatus, long Requests, string Counts)[] Economy(SyncRunResult run) =>
        [.. run.Resources.Select(r => (r.Mode, r.Status, r.Requests, $"{r.Resource} +{r.Created} ~{r.Updated} ={r.Unchanged} -{r.Deleted} m{r.Messages}"))];
}
