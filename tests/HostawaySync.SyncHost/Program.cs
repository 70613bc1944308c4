using System.Net;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Sync;

// Usage: HostawaySync.SyncHost <base-url> <account-id> <database> <conversations> [Full|Incremental] [--report-peak]
// The API secret comes from HOSTAWAY_API_KEY (never on the command line). Exit code: 0 when the run succeeded.
// --report-peak: a last line "peak-working-set <bytes>" (the benchmarks' memory scenario).
var reportPeak = args.Contains("--report-peak");
args = args.Where(a => a != "--report-peak").ToArray();
if (args.Length < 4)
{
    Console.Error.WriteLine("Usage: HostawaySync.SyncHost <base-url> <account-id> <database> <conversations> [Full|Incremental]");
    return 2;
}

var options = new SyncOptions
{
    DatabasePath = Path.GetFullPath(args[2]),
    ConversationsPath = Path.GetFullPath(args[3]),
    Mode = args.Length > 4 ? Enum.Parse<SyncMode>(args[4]) : null,
    Client = new HostawayClientOptions
    {
        Credential = new NetworkCredential(args[1], Environment.GetEnvironmentVariable("HOSTAWAY_API_KEY")),
        BaseUrl = new Uri(args[0]),
        RequestsPer10Seconds = 100_000,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
    },
    LockTimeout = TimeSpan.FromSeconds(60),
};
var result = await SyncRunner.RunAsync(options);
Console.WriteLine($"{result.Status} {result.RunId}");
if (reportPeak)
{
    Console.WriteLine($"peak-working-set {PeakWorkingSet()}");
}

return result.Status == SyncStatus.Succeeded ? 0 : 1;

// Linux: the kernel's high-water mark of the resident set (VmHWM); elsewhere what .NET reports as the peak working set.
static long PeakWorkingSet()
{
    if (OperatingSystem.IsLinux())
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is not null)
        {
            return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
    }

    return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
}
