using System.Diagnostics;

namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>
/// Runs the PostgreSQL tools. initdb and postgres refuse to run as root, so as root they run as the Debian package's
/// 'postgres' user (runuser), in folders given to that user.
/// </summary>
internal static class PostgresProcess
{
    private const string ServerUser = "postgres";

    public static bool ServerUserExists => File.Exists("/etc/passwd")
        && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(ServerUser + ":", StringComparison.Ordinal));

    public static void Run(string program, string workingFolder, params string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.IsPrivilegedProcess ? "runuser" : program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The tools change to their working folder; root's would be /root, which the postgres user cannot enter.
            WorkingDirectory = workingFolder,
        };
        if (Environment.IsPrivilegedProcess)
        {
            foreach (var argument in new[] { "-u", ServerUser, "--", program })
            {
                info.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }

    /// <summary>As root, hands the folder to the postgres user (who then runs the server in it); otherwise nothing to do.</summary>
    public static void GiveToServerUser(string folder)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return;
        }

        using var process = Process.Start("chown", ["-R", $"{ServerUser}:{ServerUser}", folder]);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown -R {ServerUser} {folder} failed ({process.ExitCode}).");
        }
    }
}
