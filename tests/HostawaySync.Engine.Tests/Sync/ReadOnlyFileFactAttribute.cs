using System.Diagnostics;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>
/// A fact that needs a way to make a file refuse writes: chmod for an ordinary user; for root (whom permissions do not
/// stop) the immutable attribute, <c>chattr +i</c>. Only an immutable file also refuses writes through descriptors that
/// are already open, which a mid-run failure needs. Reported as skipped, with the reason, where neither works.
/// </summary>
public sealed class ReadOnlyFileFactAttribute : FactAttribute
{
    public ReadOnlyFileFactAttribute(bool throughOpenFiles = false)
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Makes files read-only the Linux way (chmod, chattr).";
        }
        else if (Environment.IsPrivilegedProcess && !File.Exists("/usr/bin/chattr"))
        {
            Skip = "Runs as root, whom chmod does not stop, and chattr is not installed.";
        }
        else if (throughOpenFiles && !Environment.IsPrivilegedProcess)
        {
            Skip = "Only an immutable file (chattr +i, which needs root) refuses writes through descriptors already open.";
        }
    }

    /// <summary>Makes the files refuse writes (chattr +i as root, chmod 0444 otherwise).</summary>
    public static void MakeReadOnly(params string[] paths) => Run(Environment.IsPrivilegedProcess ? ["chattr", "+i"] : ["chmod", "0444"], paths);

    public static void MakeWritable(params string[] paths) => Run(Environment.IsPrivilegedProcess ? ["chattr", "-i"] : ["chmod", "0644"], paths.Where(File.Exists).ToArray());

    private static void Run(string[] command, string[] paths)
    {
        if (paths.Length == 0)
        {
            return;
        }

        var info = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in command.Skip(1).Concat(paths))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed: {error}");
        }
    }
}
