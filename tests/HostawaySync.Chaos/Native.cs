using System.Diagnostics;

namespace HostawaySync.Chaos;

/// <summary>Runs a short system command (chattr, id) and returns its exit code and output.</summary>
public static class Native
{
    public static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Trim());
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, exception.Message);
        }
    }

    public static void RunOrThrow(string file, params string[] arguments)
    {
        var (exitCode, output) = Run(file, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', arguments)}' failed ({exitCode}): {output}");
        }
    }

    /// <summary>True when this process runs as root, for which file permissions do not stop writes.</summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && Run("id", "-u").Output == "0";
}
