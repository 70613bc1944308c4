using System.Diagnostics;
using System.Globalization;
using Dapper;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>kill -9 at random points: the database stays consistent, nothing committed is lost, and the next run finishes the job.</summary>
public sealed class InterruptionTests
{
    [Fact]
    public async Task Syncs_killed_at_random_points_resume_and_end_equal_to_the_ground_truth()
    {
        var settings = new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, Latency = TimeSpan.FromMilliseconds(3) };
        await using var harness = await SyncHarness.StartAsync(31, DatasetOptions.Small, settings);
        var random = new Random(31);
        var kills = 0;
        long storedBefore = 0;
        // Runs that finish before their deadline (a fast machine, an incremental run) do not count: go on until 12 were killed.
        for (var attempt = 0; kills < 12 && attempt < 40; attempt++)
        {
            using var process = StartHost(harness);
            var finished = process.WaitForExit(random.Next(300, 1800));
            if (!finished)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                kills++;
            }

            using var db = harness.Open();
            Assert.Equal("ok", db.ExecuteScalar<string>("PRAGMA integrity_check;"));
            var stored = db.ExecuteScalar<long>("SELECT (SELECT count(*) FROM listings) + (SELECT count(*) FROM reservations) + (SELECT count(*) FROM conversations) + (SELECT count(*) FROM messages_metadata);");
            Assert.True(stored >= storedBefore, $"rows went from {storedBefore} to {stored} after a kill");
            storedBefore = stored;
        }

        var final = await harness.RunAsync();

        Assert.True(kills >= 10, $"only {kills} runs were killed; the others finished first");
        Assert.Equal(HostawaySync.Engine.Sync.SyncStatus.Succeeded, final.Status);
        harness.AssertEqualsGroundTruth();
        using var log = harness.Open();
        // A kill can land before the process opened its run (slow start on a busy machine), so not every kill leaves
        // a row; but every run that was opened is closed, and those the kills cut short say so.
        Assert.Equal(0, log.ExecuteScalar<long>("SELECT count(*) FROM sync_logs WHERE status = 'Running' OR finished_at IS NULL;"));
        Assert.True(log.ExecuteScalar<long>("SELECT count(*) FROM sync_logs WHERE resource = 'Run' AND error_id = 'HostawaySyncInterrupted';") >= 1);
    }

    private static Process StartHost(SyncHarness harness)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(HostPath());
        info.ArgumentList.Add(harness.Simulator.BaseUrl.ToString());
        info.ArgumentList.Add(harness.Simulator.AccountId.ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add(harness.DatabasePath);
        info.ArgumentList.Add(harness.ConversationsPath);
        info.Environment["HOSTAWAY_API_KEY"] = harness.Simulator.ClientSecret;
        return Process.Start(info)!;
    }

    private static string HostPath()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "HostawaySync.SyncHost", "bin", configuration, "net10.0", "HostawaySync.SyncHost.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("HostawaySync.SyncHost.dll is not built.");
    }
}
