using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests;
using HostawaySync.Engine.Tests.Postgres;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Chaos;

/// <summary>
/// 7. Two sync processes with different homes (each its own conversation files, as two machines of a team have) started
/// at the same moment against one PostgreSQL database and schema: the schema's writer lock lets one write at a time.
/// </summary>
public static class PostgresConcurrentSyncScenario
{
    public static async Task RunAsync(ScenarioReport report)
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        using var server = new PostgresServer();
        using var database = server.CreateDatabase();
        using var homes = new TempFolder();
        var settings = new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, Latency = TimeSpan.FromMilliseconds(5) };
        await using var harness = await SyncHarness.StartAsync(67, DatasetOptions.Small, settings, database.ConnectionString);
        report.Setup = $"Small account, 5 ms latency, {(server.IsThrowaway ? "a throwaway PostgreSQL server on 127.0.0.1" : "the PostgreSQL server " + PostgresServer.UrlVariable + " names")}. "
            + "Two tests/HostawaySync.SyncHost processes, each with its own home (its own conversation files folder), started at the same moment, both Full, "
            + "against the same database and schema (the PostgreSQL URL on the command line carries no password). "
            + "First on a database without HostawaySync's schema (both create and migrate it at once) with a 120 s lock wait: one must wait for the other and both succeed. "
            + "Then, after an account change (with deletions), again with a 0.5 s lock wait: one succeeds, the other gives up with HostawaySyncInProgress. "
            + "Check (a) reads the database and the conversation files of the home whose run went through; PostgreSQL has no integrity_check, so check (b) is not made.";

        string[] home = [homes.Combine("home-a"), homes.Combine("home-b")];
        var empty = StoreSnapshot.Read(harness);
        var (first, second) = await RaceAsync(harness, home, TimeSpan.FromSeconds(120));
        var afterWait = StoreSnapshot.Read(harness);
        report.NothingLost(empty, afterWait, "two waiting runs");
        report.Expect("with a long lock wait both runs succeed", first.Status == "Succeeded" && second.Status == "Succeeded", $"{first} / {second} {first.StandardError} {second.StandardError}");
        using (var db = harness.OpenStore())
        {
            // A run's own row is stamped when the run was asked for (its lock wait included); its first resource row when it began writing.
            var runs = db.Query<(string RunId, DateTime Started, DateTime? Finished)>(
                "SELECT run_id, min(started_at), max(finished_at) FROM sync_logs WHERE resource <> 'Run' GROUP BY run_id ORDER BY min(sync_log_id);").ToList();
            var serial = runs.Count == 2 && runs[0].Finished is { } end && runs[1].Started >= end;
            report.Expect("the second run began writing only after the first finished (one writer at a time)", serial, string.Join("; ", runs.Select(r => $"{r.Started:O}..{r.Finished:O}")));
            var waited = db.ExecuteScalar<double?>(
                """
                SELECT max(extract(epoch FROM w.first_resource - r.started_at)) FROM sync_logs r
                JOIN (SELECT run_id, min(started_at) AS first_resource FROM sync_logs WHERE resource <> 'Run' GROUP BY run_id) w ON w.run_id = r.run_id
                WHERE r.resource = 'Run';
                """) ?? 0;
            report.Rows.Add(Row("new schema, 120 s lock wait", first, second, runs.Count).Add("longest lock wait (s)", Math.Round(waited, 1)));
        }

        // Nothing changed between the two runs, so each home's files must hold the account's messages.
        report.EqualsTruth(harness, "after the two waiting runs, home A's files", conversationsPath: Conversations(home[0]));
        report.EqualsTruth(harness, "after the two waiting runs, home B's files", conversationsPath: Conversations(home[1]));

        harness.Simulator.Mutate(new MutationRequest { UpdatedReservations = 8, NewReservations = 4, DeletedReservations = 2, NewMessages = 20, UpdatedListings = 1, Seed = 670 });
        var (third, fourth) = await RaceAsync(harness, home, TimeSpan.FromSeconds(0.5));
        report.NothingLost(afterWait, StoreSnapshot.Read(harness), "second pair");
        HostOutcome[] outcomes = [third, fourth];
        report.Expect(
            "with a short lock wait one run succeeds and the other gives up with HostawaySyncInProgress",
            outcomes.Count(o => o.Status == "Succeeded") == 1 && outcomes.Count(o => o.ErrorId == ErrorIds.SyncInProgress) == 1,
            $"{third} / {fourth} {third.StandardError} {fourth.StandardError}");
        var winner = third.Status == "Succeeded" ? 0 : 1;
        report.Expect(
            "the run that gave up names the holder of the lock",
            outcomes[1 - winner].StandardError.Contains("HostawaySync sync (process", StringComparison.Ordinal),
            outcomes[1 - winner].StandardError);
        using (var db = harness.OpenStore())
        {
            report.Rows.Add(Row("existing schema, 0.5 s lock wait", third, fourth, db.ExecuteScalar<long>("SELECT count(*) FROM sync_logs WHERE resource = 'Run';") - 2).Add("longest lock wait (s)", "-"));
        }

        report.EqualsTruth(harness, $"after the second pair (the run that went through was Full), home {(winner == 0 ? "A" : "B")}'s files", conversationsPath: Conversations(home[winner]));
    }

    private static string Conversations(string home) => Path.Combine(home, "conversations");

    private static async Task<(HostOutcome First, HostOutcome Second)> RaceAsync(SyncHarness harness, string[] home, TimeSpan lockWait)
    {
        using var a = SyncHostProcess.Start(harness, SyncMode.Full, lockWait, folder: home[0]);
        using var b = SyncHostProcess.Start(harness, SyncMode.Full, lockWait, folder: home[1]);
        var outcomes = await Task.WhenAll(HostOutcome.CollectAsync(a), HostOutcome.CollectAsync(b));
        return (outcomes[0], outcomes[1]);
    }

    private static ReportRow Row(string setup, HostOutcome first, HostOutcome second, long runsLogged) => new ReportRow()
        .Add("case", setup)
        .Add("process A (home A)", first.ToString())
        .Add("process B (home B)", second.ToString())
        .Add("runs the pair logged", runsLogged);
}
