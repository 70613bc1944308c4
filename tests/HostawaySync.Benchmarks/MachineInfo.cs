using System.Globalization;
using System.Runtime.InteropServices;

namespace HostawaySync.Benchmarks;

/// <summary>Where the figures were measured: for the report's header.</summary>
public sealed record MachineInfo(string Os, string Cpu, int Cores, string Memory, string DotNet, string? LoadAverage)
{
    public static MachineInfo Current() => new(
        RuntimeInformation.OSDescription,
        LinuxValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        LinuxValue("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ')[0], CultureInfo.InvariantCulture, out var kb)
            ? string.Create(CultureInfo.InvariantCulture, $"{kb / 1048576.0:0.0} GB")
            : string.Create(CultureInfo.InvariantCulture, $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:0.0} GB"),
        RuntimeInformation.FrameworkDescription,
        CurrentLoad());

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), which say how busy the shared machine was.</summary>
    public static string? CurrentLoad() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;

    private static string? LinuxValue(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
