using Dapper;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>kill -9 at random points: the database stays consistent, nothing committed is lost, and the next run finishes the job.</summary>
public sealed class InterruptionTests
{
    /// <summary>
    /// The documented reading of the API (12 kills), then every other pairing of what <c>count</c> holds with a page cap (said
    /// in the envelope or silent), and offset ceilings below the conversation count (4 kills each: the same code paths).
    /// </summary>
    public static TheoryData<CountMode, int, bool, OffsetCeilingMode?, int> Readings()
    {
        var data = new TheoryData<CountMode, int, bool, OffsetCeilingMode?, int>();
        foreach (var count in Enum.GetValues<CountMode>())
        {
            foreach (var (cap, said) in new[] { (100, false), (50, true), (50, false) })
            {
                data.Add(count, cap, said, null, count == CountMode.Total && cap == 100 ? 12 : 4);
            }
        }

        data.Add(CountMode.Total, 100, false, OffsetCeilingMode.Empty, 4);
        data.Add(CountMode.Absent, 50, true, OffsetCeilingMode.Error, 4);
        return data;
    }

    [Theory]
    [MemberData(nameof(Readings))]
    public async Task Syncs_killed_at_random_points_resume_and_end_equal_to_the_ground_truth(CountMode count, int cap, bool capSaid, OffsetCeilingMode? ceiling, int killTarget)
    {
        // Small: 284 conversations, the longest with 240 messages; a ceiling at 250 hides conversations, not messages.
        var settings = new SimulatorSettings
        {
            AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, Latency = TimeSpan.FromMilliseconds(3),
            Count = count, MaxPageSize = cap, PageCapInEnvelope = capSaid,
            OffsetCeiling = ceiling is null ? 0 : 250, OffsetCeilingBehaviour = ceiling ?? OffsetCeilingMode.Empty,
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
