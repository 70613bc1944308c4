using System.Runtime.Versioning;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Chaos;

/// <summary>
/// 6. The database stops accepting writes while a sync runs. Two honest ways, since this task usually runs as root,
/// for whom chmod does not stop writes: (A) the file and its WAL made immutable (<c>chattr +i</c>), which stops every
/// write, root's included, even through descriptors already open; (B) <c>chmod 0444</c> on the file, with the sync
/// process running without the capability that lets root ignore permissions (what an ordinary user is), and then
/// the folder made read-only too.
/// </summary>
public static class ReadOnlyDatabaseScenario
{
    private const UnixFileMode ReadOnlyFile = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode WritableFile = ReadOnlyFile | UnixFileMode.UserWrite;
    private const UnixFileMode ReadOnlyFolder = ReadOnlyFile | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private const UnixFileMode WritableFolder = ReadOnlyFolder | UnixFileMode.UserWrite;

    public static async Task RunAsync(ScenarioReport report)
    {
        report.Setup = "Small account, 2 ms latency. (A) In-process Full sync; when 60 conversations are stored, hostaway.db and hostaway.db-wal are made immutable "
            + "with chattr +i (the task runs as root, and chmod does not stop root; an immutable file refuses writes to everyone, even through open descriptors). "
            + "A second run is tried while still immutable; then chattr -i and a clean run. (B) A Full sync in a separate process that lacks CAP_DAC_OVERRIDE "
            + "(setpriv --bounding-set -dac_override,-dac_read_search: root without it is bound by file permissions like any user); chmod 0444 on hostaway.db when "
            + "100 reservations are stored; then another run; then the file writable again but its folder chmod 0555; then the folder writable again; then, "
            + "if SQLite left a read-only side file, that file writable too, and a clean run.";
        if (!OperatingSystem.IsLinux())
        {
            report.Notes.Add("Skipped: the scenario uses Linux file attributes and capabilities.");
            report.Expect("scenario ran", false, "not Linux");
            return;
        }

        if (Native.IsRoot && File.Exists("/usr/bin/chattr"))
        {
            await ImmutableAsync(report);
        }
        else
        {
            // Only root may set the immutable attribute; an ordinary user has no way to make an open file refuse writes.
            report.Notes.Add("(A) skipped: chattr +i needs root (and chattr). Case (B) runs as this user, whom chmod does stop.");
        }

        await ChmodAsync(report);
    }

    [SupportedOSPlatform("linux")]
    private static async Task ImmutableAsync(ScenarioReport report)
    {
        await using var harness = await SyncHarness.StartAsync(66, DatasetOptions.Small, Settings());
        var files = new[] { harness.DatabasePath, harness.DatabasePath + "-wal" };
        StoreSnapshot? beforeLock = null;
        var trigger = new ProgressTrigger().At(SyncResources.Conversations, 60, () =>
        {
            beforeLock = StoreSnapshot.Read(harness.DatabasePath);
            Native.RunOrThrow("chattr", ["+i", .. files]);
        });
        try
        {
            var failed = await AttemptAsync(() => SyncRunner.RunAsync(harness.Options(SyncMode.Full, ChaosClient.Defaults), progress: trigger));
            var afterFailure = report.Integrity(harness, "(A) after the run that lost write access");
            report.Expect("the run that loses write access mid-run fails with HostawayDatabaseNotWritable", beforeLock is not null && failed.ErrorId == ErrorIds.DatabaseNotWritable && failed.Status != nameof(SyncStatus.Succeeded), $"(A) {failed} {failed.StandardError}");
            if (beforeLock is not null)
            {
                report.NothingLost(beforeLock, afterFailure, "(A) read when the file became immutable -> after the failed run");
            }

            var refused = await AttemptAsync(() => harness.RunAsync());
            var afterRefused = report.Integrity(harness, "(A) after a run started on the immutable file");
            report.Expect("a run started while the file is still read-only fails with HostawayDatabaseNotWritable", refused.ErrorId == ErrorIds.DatabaseNotWritable, $"(A) {refused} {refused.StandardError}");
            report.NothingLost(afterFailure, afterRefused, "(A) refused run");
            Native.RunOrThrow("chattr", ["-i", .. files]);

            var clean = await AttemptAsync(() => harness.RunAsync());
            var end = report.Integrity(harness, "(A) after the clean run");
            report.NothingLost(afterRefused, end, "(A) clean run");
            report.Expect("the next run, once writable again, ends Succeeded", clean.Status == nameof(SyncStatus.Succeeded), $"(A) {clean}");
            report.EqualsTruth(harness, "(A) after the clean run");
            report.Rows.Add(new ReportRow()
                .Add("case", "(A) chattr +i on hostaway.db and -wal at 60 conversations")
                .Add("run that lost write access", failed.ToString())
                .Add("rows committed before", beforeLock?.Total)
                .Add("rows after that run", afterFailure.Total)
                .Add("run while still read-only", refused.ToString())
                .Add("run once the file is writable again", clean.ToString())
                .Add("clean run", "-")
                .Add("rows at the end", end.Total));
        }
        finally
        {
            Native.Run("chattr", ["-i", .. files.Where(File.Exists)]);
        }
    }

    [SupportedOSPlatform("linux")]
    private static async Task ChmodAsync(ScenarioReport report)
    {
        await using var harness = await SyncHarness.StartAsync(67, DatasetOptions.Small, Settings());
        // Root ignores file permissions only through CAP_DAC_OVERRIDE (and DAC_READ_SEARCH); without them it is bound by them like any user.
        string[] asUser = Native.IsRoot ? ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"] : [];
        var folder = Path.GetDirectoryName(harness.DatabasePath)!;
        try
        {
            var inFlight = SyncHostProcess.Start(harness, SyncMode.Full, prefix: asUser);
            var collect = HostOutcome.CollectAsync(inFlight);
            var beforeChmod = StoreSnapshot.Read(harness.DatabasePath);
            while (!collect.IsCompleted && beforeChmod.Count("reservations") < 100)
            {
                await Task.Delay(20);
                beforeChmod = StoreSnapshot.Read(harness.DatabasePath);
            }

            var chmodMidRun = !collect.IsCompleted;
            File.SetUnixFileMode(harness.DatabasePath, ReadOnlyFile);
            var running = await collect;
            inFlight.Dispose();
            var afterRunning = report.Integrity(harness, "(B) after the run whose file became 0444");
            report.NothingLost(beforeChmod, afterRunning, "(B) read at the chmod -> after that run");
            report.Expect("chmod 0444 happened while the sync was writing", chmodMidRun && beforeChmod.Count("reservations") >= 100, $"(B) {beforeChmod.Count("reservations")} reservations stored at the chmod, run {running}");

            if (running.Status == nameof(SyncStatus.Succeeded))
            {
                report.Notes.Add("(B) The run in flight when hostaway.db became 0444 finished normally: Unix checks permissions when a file is opened, and that run "
                    + "had the database open already. The change takes effect at the next run, which fails with HostawayDatabaseNotWritable before it writes anything. "
                    + "Case (A) is the one where writes fail mid-run.");
            }

            var refused = await HostAsync(harness, asUser);
            var afterRefused = report.Integrity(harness, "(B) after a run on the 0444 file");
            report.Expect("a run started while the file is still read-only fails with HostawayDatabaseNotWritable", refused.ErrorId == ErrorIds.DatabaseNotWritable, $"(B) 0444 file: {refused} {refused.StandardError}");
            report.NothingLost(afterRunning, afterRefused, "(B) run on the 0444 file");

            File.SetUnixFileMode(harness.DatabasePath, WritableFile);
            File.SetUnixFileMode(folder, ReadOnlyFolder);
            var folderRefused = await HostAsync(harness, asUser);
            var afterFolder = report.Integrity(harness, "(B) after a run in the 0555 folder");
            report.Expect("a run started while the folder is read-only fails with HostawayDatabaseNotWritable", folderRefused.ErrorId == ErrorIds.DatabaseNotWritable, $"(B) 0555 folder: {folderRefused} {folderRefused.StandardError}");
            report.NothingLost(afterRefused, afterFolder, "(B) run in the 0555 folder");
            File.SetUnixFileMode(folder, WritableFolder);

            // The reads of check (b) while the file was 0444 are what any reader (Get-HostawayReservation, say) does: SQLite then
            // creates its -shm side file with the file's read-only permissions, and a later sync must say so, not fail obscurely.
            var sideFiles = new[] { harness.DatabasePath + "-wal", harness.DatabasePath + "-shm" }.Where(f => File.Exists(f) && !File.GetUnixFileMode(f).HasFlag(UnixFileMode.UserWrite)).ToList();
            var fileFixed = await HostAsync(harness, asUser);
            var afterFileFixed = report.Integrity(harness, "(B) after the file was made writable again");
            report.NothingLost(afterFolder, afterFileFixed, "(B) file writable again");
            report.Expect(
                "once the file is writable again, the run succeeds, or names the read-only SQLite side file left by a reader",
                fileFixed.Status == nameof(SyncStatus.Succeeded) || (fileFixed.ErrorId == ErrorIds.DatabaseNotWritable && sideFiles.Count > 0 && sideFiles.All(f => fileFixed.StandardError.Contains(Path.GetFileName(f), StringComparison.Ordinal))),
                $"(B) {fileFixed} {fileFixed.StandardError}");
            foreach (var sideFile in sideFiles)
            {
                File.SetUnixFileMode(sideFile, WritableFile);
            }

            var clean = await HostAsync(harness, asUser);
            var end = report.Integrity(harness, "(B) after the clean run");
            report.NothingLost(afterFileFixed, end, "(B) clean run");
            report.Expect("the next run, once writable again, ends Succeeded", clean.Status == nameof(SyncStatus.Succeeded), $"(B) {clean} {clean.StandardError}");
            report.EqualsTruth(harness, "(B) after the clean run");
            report.Rows.Add(new ReportRow()
                .Add("case", $"(B) chmod 0444 on hostaway.db at {beforeChmod.Count("reservations")} reservations{(Native.IsRoot ? ", sync without CAP_DAC_OVERRIDE" : string.Empty)}")
                .Add("run that lost write access", running.ToString())
                .Add("rows committed before", beforeChmod.Total)
                .Add("rows after that run", afterRunning.Total)
                .Add("run while still read-only", $"file 0444: {refused}; folder 0555: {folderRefused}")
                .Add("run once the file is writable again", sideFiles.Count == 0 ? fileFixed.ToString() : $"{fileFixed} (names the read-only {string.Join(", ", sideFiles.Select(Path.GetFileName))})")
                .Add("clean run", sideFiles.Count == 0 ? "-" : $"{clean} (after chmod 0644 on the side file)")
                .Add("rows at the end", end.Total));
        }
        finally
        {
            File.SetUnixFileMode(folder, WritableFolder);
            if (File.Exists(harness.DatabasePath))
            {
                File.SetUnixFileMode(harness.DatabasePath, WritableFile);
            }
        }
    }

    private static SimulatorSettings Settings() => new() { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, Latency = TimeSpan.FromMilliseconds(2) };

    private static async Task<HostOutcome> HostAsync(SyncHarness harness, string[] prefix)
    {
        using var process = SyncHostProcess.Start(harness, prefix: prefix);
        return await HostOutcome.CollectAsync(process);
    }

    /// <summary>Runs a sync in-process and describes its end the way a sync-host process would: returned or thrown, with the error id.</summary>
    private static async Task<HostOutcome> AttemptAsync(Func<Task<SyncRunResult>> run)
    {
        try
        {
            var result = await run();
            return new HostOutcome(0, result.Status.ToString(), result.Error?.ErrorId, result.Error?.Message ?? string.Empty);
        }
        catch (HostawayException exception)
        {
            return new HostOutcome(0, "Threw", exception.ErrorId, exception.Message);
        }
#pragma warning disable CA1031 // Anything else escaping the runner is itself the finding: no error id.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new HostOutcome(0, $"Threw {exception.GetType().Name}", null, exception.ToString());
        }
    }
}
