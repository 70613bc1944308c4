using Dapper;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>kill -9 at random points: the database stays consistent, nothing committed is lost, and the next run finishes the job.</summary>
public sealed class InterruptionTests
{
    /// <summary>The documented reading of the API, then readings the documentation leaves open (fewer kills each: same code paths).</summary>
    public static TheoryData<string, int> Readings() => new()
    {
        { "documented", 12 },
        { "count remaining, pages silently capped at 50", 6 },
        { "no count, pages capped at 50 said in the envelope, offsets refused from 250", 6 },
    };

    [Theory]
    [MemberData(nameof(Readings))]
    public async Task Syncs_killed_at_random_points_resume_and_end_equal_to_the_ground_truth(string reading, int killTarget)
    {
        var settings = new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, Latency = TimeSpan.FromMilliseconds(3) };
        settings = reading switch
        {
            "documented" => settings,
            "count remaining, pages silently capped at 50" => settings with { Count = CountMode.Remaining, MaxPageSize = 50 },
            _ => settings with { Count = CountMode.Absent, MaxPageSize = 50, PageCapInEnvelope = true, OffsetCeiling = 250, OffsetCeilingBehaviour = OffsetCeilingMode.Error },
        };
        await using var harness = await SyncHarness.StartAsync(31, DatasetOptions.Small, settings);
        var random = new Random(31);
        var kills = 0;
        var killsWithinARun = 0;
        var before = StoreSnapshot.Read(harness.DatabasePath);
        // Runs that finish before their deadline (a fast machine, an incremental run) do not count: go on until enough were killed.
        for (var attempt = 0; kills < killTarget && attempt < 40; attempt++)
        {
            using var process = SyncHostProcess.Start(harness);
            var finished = process.WaitForExit(random.Next(300, 1800));
            if (!finished)
            {
                // What is committed just before the kill must survive it.
                var atKill = StoreSnapshot.Read(harness.DatabasePath);
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                kills++;
                killsWithinARun += atKill.LastRunLogId > before.LastRunLogId && atKill.RunningResource is not null ? 1 : 0;
                Assert.Empty(atKill.LostIn(StoreSnapshot.Read(harness.DatabasePath)));
            }

            var snapshot = StoreSnapshot.Read(harness.DatabasePath);
            Assert.Equal("ok", snapshot.Integrity);
            Assert.Empty(before.LostIn(snapshot));
            before = snapshot;
        }

        var final = await harness.RunAsync();

        Assert.True(kills >= killTarget - 2, $"only {kills} runs were killed; the others finished first");
        Assert.Equal(HostawaySync.Engine.Sync.SyncStatus.Succeeded, final.Status);
        harness.AssertEqualsGroundTruth();
        using var log = harness.Open();
        // A process killed while still starting (slow on a loaded machine) had no run to mark; every run that had begun is marked.
        var marked = log.ExecuteScalar<long>("SELECT count(*) FROM sync_logs WHERE resource = 'Run' AND error_id = 'HostawaySyncInterrupted';");
        Assert.InRange(marked, killsWithinARun, kills);
    }
}
