using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Chaos;

/// <summary>5. Two sync processes started at the same moment on the same (new, then existing) database.</summary>
public static class ConcurrentSyncScenario
{
    public static async Task RunAsync(ScenarioReport report)
    {
        var settings = new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, Latency = TimeSpan.FromMilliseconds(5) };
        await using var harness = await SyncHarness.StartAsync(65, DatasetOptions.Small, settings);
        report.Setup = "Small account, 5 ms latency. Two tests/HostawaySync.SyncHost processes started at the same moment, both Full. "
            + "First on a database that does not exist yet (both create and migrate it at once) with a 120 s lock wait: one must wait for the other and both succeed. "
            + "Then, after an account change (with deletions), again with a 0.5 s lock wait: one succeeds, the other gives up with HostawaySyncInProgress.";

        var empty = StoreSnapshot.Read(harness.DatabasePath);
        var (first, second) = await RaceAsync(harness, TimeSpan.FromSeconds(120));
        var afterWait = report.Integrity(harness, "after the two waiting runs");
        report.NothingLost(empty, afterWait, "two waiting runs");
        report.Expect("with a long lock wait both runs succeed", first.Status == "Succeeded" && second.Status == "Succeeded", $"{first} / {second} {first.StandardError} {second.StandardError}");
        using (var db = harness.Open())
        {
            // A run's own row is stamped when the run was asked for (its lock wait included); its first resource row when it began writing.
            var runs = db.Query<(string RunId, string Started, string? Finished)>(
                "SELECT run_id, min(started_at), max(finished_at) FROM sync_logs WHERE resource <> 'Run' GROUP BY run_id ORDER BY min(sync_log_id);").ToList();
            var serial = runs.Count == 2 && runs[0].Finished is not null && string.CompareOrdinal(runs[1].Started, runs[0].Finished) >= 0;
            report.Expect("the second run began writing only after the first finished (one writer at a time)", serial, string.Join("; ", runs.Select(r => $"{r.Started}..{r.Finished}")));
            // The waiting run's own row is stamped when it was asked for; its first resource row when it got the lock.
            var waited = db.ExecuteScalar<double?>(
                """
                SELECT max((julianday(w.first_resource) - julianday(r.started_at)) * 86400) FROM sync_logs r
                JOIN (SELECT run_id, min(started_at) AS first_resource FROM sync_logs WHERE resource <> 'Run' GROUP BY run_id) w ON w.run_id = r.run_id
                WHERE r.resource = 'Run';
                """) ?? 0;
            report.Rows.Add(Row("new database, 120 s lock wait", first, second, runs.Count).Add("longest lock wait (s, 1 s resolution)", Math.Round(waited)));
        }

        report.EqualsTruth(harness, "after the two waiting runs");

        harness.Simulator.Mutate(new MutationRequest { UpdatedReservations = 8, NewReservations = 4, DeletedReservations = 2, NewMessages = 20, UpdatedListings = 1, Seed = 650 });
        var (third, fourth) = await RaceAsync(harness, TimeSpan.FromSeconds(0.5));
        var afterGiveUp = report.Integrity(harness, "after the run that gave up");
        report.NothingLost(afterWait, afterGiveUp, "second pair");
        var outcomes = new[] { third, fourth };
        report.Expect(
            "with a short lock wait one run succeeds and the other gives up with HostawaySyncInProgress",
            outcomes.Count(o => o.Status == "Succeeded") == 1 && outcomes.Count(o => o.ErrorId == ErrorIds.SyncInProgress) == 1,
            $"{third} / {fourth} {third.StandardError} {fourth.StandardError}");
        using (var db = harness.Open())
        {
            report.Rows.Add(Row("existing database, 0.5 s lock wait", third, fourth, db.ExecuteScalar<long>("SELECT count(*) FROM sync_logs WHERE resource = 'Run';") - 2).Add("longest lock wait (s, 1 s resolution)", "-"));
        }

        report.EqualsTruth(harness, "after the second pair (the run that went through was Full)");
    }

    private static async Task<(HostOutcome First, HostOutcome Second)> RaceAsync(SyncHarness harness, TimeSpan lockWait)
    {
        using var a = SyncHostProcess.Start(harness, SyncMode.Full, lockWait);
        using var b = SyncHostProcess.Start(harness, SyncMode.Full, lockWait);
        var outcomes = await Task.WhenAll(HostOutcome.CollectAsync(a), HostOutcome.CollectAsync(b));
        return (outcomes[0], outcomes[1]);
    }

    private static ReportRow Row(string setup, HostOutcome first, HostOutcome second, long runsLogged) => new ReportRow()
        .Add("case", setup)
        .Add("process A", first.ToString())
        .Add("process B", second.ToString())
        .Add("runs the pair logged", runsLogged);
}
