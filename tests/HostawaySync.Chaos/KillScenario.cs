using System.Text.Json.Nodes;
using Dapper;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Chaos;

/// <summary>4. Syncs in a separate process killed with SIGKILL at random points, with account changes between some of them.</summary>
public static class KillScenario
{
    private const int KillsWanted = 24;
    private const int MaxAttempts = 60;

    private const string Startup = "startup";
    private const string AfterTheRun = "after the run";

    private static readonly DatasetOptions Account = new(30, 600, 6);

    /// <summary>Seed of the kill times and account changes (the program's --seed; the report uses the default).</summary>
    public static int Seed { get; set; } = 64;

    public static async Task RunAsync(ScenarioReport report)
    {
        var settings = new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, Latency = TimeSpan.FromMilliseconds(3) };
        await using var harness = await SyncHarness.StartAsync(Seed, Account, settings);
        // The kill points are spread over a whole run as long as it takes on this machine now: one undisturbed run into another folder sets the scale.
        using var calibration = new Engine.Tests.TempFolder();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var probe = SyncHostProcess.Start(harness, SyncMode.Full, folder: calibration.Path))
        {
            var probed = await HostOutcome.CollectAsync(probe);
            report.Expect("the undisturbed calibration run ends Succeeded", probed.Status == nameof(SyncStatus.Succeeded), $"calibration: {probed} {probed.StandardError}");
        }

        var fullRunMs = (int)clock.ElapsedMilliseconds;
        var (minDelayMs, maxDelayMs) = (fullRunMs / 20, fullRunMs);
        report.Setup = $"Account of {Account.Listings} listings and {Account.Reservations} reservations, 3 ms latency. An undisturbed Full sync in a separate process took {fullRunMs / 1000.0:0.0} s "
            + $"here (process start included) and sets the kill window. Each attempt starts tests/HostawaySync.SyncHost "
            + $"(a bare process running one sync; every third attempt a Full sync, the others let the engine choose), waits a random {minDelayMs}-{maxDelayMs} ms "
            + "(every fifth attempt: until its Reservations phase has begun, then 0-400 ms), "
            + "reads the database (what is committed at that moment), then kills the process with SIGKILL (Process.Kill). A kill counts as real only when the process "
            + "was still running (exit code 137). Every fourth attempt is preceded by an account change (updated, new, cancelled and deleted reservations, new messages, "
            + $"listing edits). Attempts continue until {KillsWanted} real kills (at most {MaxAttempts}); then, in-process, the run a scheduled job would make next "
            + "(the engine chooses the mode; check (a) there leaves out deletions, which only full passes look for, by design) and a clean Full run (check (a) in full).";

        var random = new Random(Seed);
        var previous = StoreSnapshot.Read(harness.DatabasePath);
        int attempts = 0, kills = 0, killedInsideRun = 0, finished = 0, mutations = 0;
        var phases = new SortedDictionary<string, int>(StringComparer.Ordinal);
        while (kills < KillsWanted && attempts < MaxAttempts)
        {
            attempts++;
            if (attempts % 4 == 0)
            {
                mutations++;
                harness.Simulator.Mutate(new MutationRequest
                {
                    UpdatedReservations = random.Next(3, 15), NewReservations = random.Next(1, 10), CancelledReservations = random.Next(0, 4), DeletedReservations = random.Next(0, 3),
                    NewMessages = random.Next(5, 40), UpdatedListings = random.Next(0, 3), NewListings = random.Next(0, 2), Seed = (Seed * 10) + attempts,
                });
            }

            var mode = attempts % 3 == 0 ? SyncMode.Full : (SyncMode?)null;
            // The reservations phase is short next to the message fetches, so random times rarely land in it: every fifth
            // attempt waits for it to begin, then a random moment more.
            var target = attempts % 5 == 2 ? "Reservations" : null;
            var delay = target is null ? random.Next(minDelayMs, maxDelayMs) : random.Next(0, 400);
            using var process = SyncHostProcess.Start(harness, mode);
            var collect = HostOutcome.CollectAsync(process);
            if (target is not null)
            {
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (!collect.IsCompleted && CurrentResource(harness.DatabasePath, previous.LastRunLogId) != target && waited.ElapsedMilliseconds < maxDelayMs)
                {
                    await Task.Delay(10);
                }
            }

            var exitedEarly = await Task.WhenAny(collect, Task.Delay(delay)) == collect;
            StoreSnapshot? beforeKill = null;
            if (!exitedEarly)
            {
                beforeKill = StoreSnapshot.Read(harness.DatabasePath);
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended on its own between the wait and the kill: not a real kill, and the exit code says so.
                }
            }

            var outcome = await collect;
            var after = report.Integrity(harness, $"attempt {attempts} ({outcome})");
            report.NothingLost(previous, after, $"attempt {attempts}: before the attempt -> after it");
            var phase = "-";
            if (outcome.Killed)
            {
                kills++;
                // Its run's log rows are still Running only when the kill landed inside the run; the next run marks those.
                killedInsideRun += after.LastRunLogId > previous.LastRunLogId && after.RunningResource is not null ? 1 : 0;
                // Before this process opened its run's log row it is "startup" (an older run's Running row may still be there).
                phase = beforeKill!.LastRunLogId <= previous.LastRunLogId ? Startup
                    : beforeKill.RunningResource is null ? AfterTheRun
                    : beforeKill.RunningResource == "Run" ? "run opened" : beforeKill.RunningResource;
                phases[phase] = phases.GetValueOrDefault(phase) + 1;
                report.NothingLost(beforeKill!, after, $"attempt {attempts}: read just before the kill -> after it");
            }
            else
            {
                finished++;
                report.Expect("a run that was not killed ends Succeeded", outcome.Status == nameof(SyncStatus.Succeeded), $"attempt {attempts}: {outcome} {outcome.StandardError}");
            }

            report.Details.Add(new JsonObject
            {
                ["attempt"] = attempts, ["mode"] = mode?.ToString() ?? "Auto", ["mutatedBefore"] = attempts % 4 == 0, ["waitedFor"] = target, ["delayMs"] = delay, ["outcome"] = outcome.ToString(),
                ["phaseAtKill"] = phase, ["rowsBeforeKill"] = beforeKill?.Total, ["rowsAfter"] = after.Total, ["integrity"] = after.Integrity,
            });
            Console.WriteLine($"   attempt {attempts}: {mode?.ToString() ?? "Auto"} {(target is null ? string.Empty : target + " + ")}{delay} ms -> {outcome} in {phase}; rows {beforeKill?.Total.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} -> {after.Total}");
            previous = after;
        }

        // First the run a scheduled job would make next (the engine chooses; an incremental run does not look for deleted
        // objects, by design), then a Full one, which must also have reconciled every deletion.
        var next = await harness.RunAsync();
        var afterNext = report.Integrity(harness, "after the next run");
        report.NothingLost(previous, afterNext, "last attempt -> next run");
        report.Expect("the clean runs end Succeeded", next.Status == SyncStatus.Succeeded, $"next run: {next.Status} {next.Error?.ErrorId} {next.Error?.Message}");
        report.EqualsTruth(harness, "after the next run (deletions not reconciled)", deletionsReconciled: false);
        var final = await harness.RunAsync(SyncMode.Full);
        var end = report.Integrity(harness, "after the clean run");
        report.NothingLost(afterNext, end, "next run -> clean Full run");
        report.Expect("the clean runs end Succeeded", final.Status == SyncStatus.Succeeded, $"Full run: {final.Status} {final.Error?.ErrorId} {final.Error?.Message}");
        report.Expect($"at least {KillsWanted} real kills (the process was still running)", kills >= KillsWanted, $"{kills} real kills in {attempts} attempts");
        report.EqualsTruth(harness, "after the clean Full run");
        using var db = harness.Open();
        var interrupted = db.ExecuteScalar<long>("SELECT count(*) FROM sync_logs WHERE resource = 'Run' AND error_id = 'HostawaySyncInterrupted';");
        var runsLogged = db.ExecuteScalar<long>("SELECT count(*) FROM sync_logs WHERE resource = 'Run';");
        // A run killed before it opened its log row, or after it closed it, leaves nothing to mark; every other one is marked by the next run.
        report.Expect("the sync log marks every run killed inside the run as interrupted", interrupted == killedInsideRun, $"{interrupted} marked, {killedInsideRun} killed inside a run, {kills} kills");

        report.Rows.Add(new ReportRow()
            .Add("undisturbed full run (s)", Math.Round(fullRunMs / 1000.0, 1))
            .Add("attempts", attempts)
            .Add("real kills", kills)
            .Add("finished before the kill", finished)
            .Add("kills by phase", string.Join(", ", phases.Select(p => $"{p.Key} {p.Value}")))
            .Add("mutations between runs", mutations)
            .Add("runs in the sync log", runsLogged)
            .Add("killed inside a run", killedInsideRun)
            .Add("marked interrupted", interrupted)
            .Add("next run", $"{next.Mode} {next.Status}")
            .Add("clean Full run", final.Status.ToString())
            .Add("rows at the end", end.Total));
    }

    /// <summary>The resource a run newer than <paramref name="afterRunLogId"/> is working on, read cheaply (polled every few ms).</summary>
    private static string? CurrentResource(string databasePath, long afterRunLogId)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        try
        {
            using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
            db.Open();
            return db.ExecuteScalar<string?>("SELECT resource FROM sync_logs WHERE status = 'Running' AND sync_log_id > @After ORDER BY sync_log_id DESC LIMIT 1;", new { After = afterRunLogId });
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return null;   // the schema is not there yet
        }
    }
}
