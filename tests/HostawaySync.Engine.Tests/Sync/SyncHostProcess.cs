using System.Diagnostics;
using System.Globalization;
using HostawaySync.Engine.Sync;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>Runs one sync in a separate process (tests/HostawaySync.SyncHost), so a test can kill it (kill -9) or race two of them.</summary>
public static class SyncHostProcess
{
    /// <summary>The exit code of a process ended by SIGKILL, as .NET reports it on Unix (128 + 9).</summary>
    public const int KilledExitCode = 137;

    /// <summary>
    /// Starts a sync of <paramref name="harness"/>'s database. <paramref name="prefix"/> runs the host through another
    /// program (e.g. <c>setpriv</c> to drop capabilities). Standard output is redirected: the host's last line is
    /// "&lt;Status&gt; &lt;RunId&gt; [&lt;ErrorId&gt;]". <paramref name="folder"/>, when given, is another home: it holds another SQLite
    /// database and conversations root, or, when the harness stores in PostgreSQL, another conversations root for the same
    /// database (as another machine of a team would have). A PostgreSQL password goes to the process in PGPASSWORD, never
    /// on its command line, which any user of the machine can read.
    /// </summary>
    public static Process Start(SyncHarness harness, SyncMode? mode = null, TimeSpan? lockTimeout = null, IReadOnlyList<string>? prefix = null, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(harness);
        string? password = null;
        var store = harness.DatabasePath;
        if (harness.Store is HostawaySync.Engine.Store.PostgresStoreLocation postgres)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres.Target.ConnectionString);
            (password, builder.Password) = (builder.Password, null);
            store = builder.ConnectionString;
        }

        var (database, conversations) = folder is null ? (store, harness.ConversationsPath)
            : (harness.IsPostgres ? store : Path.Combine(folder, "hostaway.db"), Path.Combine(folder, "conversations"));
        var command = new List<string>(prefix ?? []) { "dotnet", HostPath(), harness.Simulator.BaseUrl.ToString(), harness.Simulator.AccountId.ToString(CultureInfo.InvariantCulture), database, conversations };
        if (mode is not null || lockTimeout is not null)
        {
            command.Add(mode?.ToString() ?? "Auto");
        }

        if (lockTimeout is { } timeout)
        {
            command.Add(timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        }

        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["HOSTAWAY_API_KEY"] = harness.Simulator.ClientSecret;
        if (!string.IsNullOrEmpty(password))
        {
            info.Environment["PGPASSWORD"] = password;
        }

        return Process.Start(info)!;
    }

    /// <summary>
    /// Starts syncs of <paramref name="harness"/>'s store in <paramref name="mode"/> one after another and kills (kill -9) those
    /// still running when <paramref name="killNow"/> (given the kills so far and the process) says so, until
    /// <paramref name="wanted"/> were killed or <paramref name="attempts"/> ran. Asserts that no kill, and no run, loses
    /// anything stored. Returns the number of kills.
    /// </summary>
    public static async Task<int> KillRepeatedlyAsync(SyncHarness harness, SyncMode? mode, int wanted, int attempts, Func<int, Process, Task<bool>> killNow)
    {
        ArgumentNullException.ThrowIfNull(harness);
        ArgumentNullException.ThrowIfNull(killNow);
        var kills = 0;
        var before = StoreSnapshot.Read(harness);
        for (var attempt = 0; kills < wanted && attempt < attempts; attempt++)
        {
            using var process = Start(harness, mode);
            if (await killNow(kills, process))
            {
                var atKill = StoreSnapshot.Read(harness);
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                kills++;
                Assert.Empty(atKill.LostIn(StoreSnapshot.Read(harness)));
            }
            else
            {
                await WaitForExitAsync(process);
            }

            var snapshot = StoreSnapshot.Read(harness);
            Assert.Empty(before.LostIn(snapshot));
            before = snapshot;
        }

        return kills;
    }

    /// <summary>
    /// Waits for a sync process to end by itself, at most <paramref name="limit"/> (3 minutes unless given; a Small sync takes
    /// seconds): one that runs longer is killed and the test fails with what it printed, instead of hanging the test run.
    /// </summary>
    public static async Task WaitForExitAsync(Process process, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"The sync process did not end within {(limit ?? TimeSpan.FromMinutes(3)).TotalSeconds:0} s; it printed: {await process.StandardOutput.ReadToEndAsync()}{await process.StandardError.ReadToEndAsync()}");
        }
    }

    public static string HostPath()
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
