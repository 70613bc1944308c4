using System.Globalization;
using System.Net;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;

// <database> is a SQLite path, or a PostgreSQL URL or keyword connection string.
// Usage: HostawaySync.SyncHost <base-url> <account-id> <database> <conversations> [Full|Incremental|Auto] [lock-timeout-seconds] [--report-peak]
// The API secret comes from HOSTAWAY_API_KEY (never on the command line). Exit code: 0 when the run succeeded,
// 1 when it ended otherwise, 3 when the runner threw (an error id). Stdout: "<Status> <RunId> [<ErrorId>]", then with
// --report-peak a last line "peak-working-set <bytes>" (the benchmarks' memory scenario).
var reportPeak = args.Contains("--report-peak");
args = args.Where(a => a != "--report-peak").ToArray();
if (args.Length < 4)
{
    Console.Error.WriteLine("Usage: HostawaySync.SyncHost <base-url> <account-id> <database> <conversations> [Full|Incremental|Auto] [lock-timeout-seconds] [--report-peak]");
    return 2;
}

var options = new SyncOptions
{
    Store = StoreLocation.LooksLikePostgres(args[2]) ? StoreLocation.FromUrl(args[2]) : StoreLocation.FromPath(Path.GetFullPath(args[2])),
    ConversationsPath = Path.GetFullPath(args[3]),
    Mode = args.Length > 4 && args[4] != "Auto" ? Enum.Parse<SyncMode>(args[4]) : null,
    Client = new HostawayClientOptions
    {
        Credential = new NetworkCredential(args[1], Environment.GetEnvironmentVariable("HOSTAWAY_API_KEY")),
        BaseUrl = new Uri(args[0]),
        RequestsPer10Seconds = 100_000,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
    },
    LockTimeout = TimeSpan.FromSeconds(args.Length > 5 ? double.Parse(args[5], CultureInfo.InvariantCulture) : 60),
};
try
{
    var result = await SyncRunner.RunAsync(options);
    Console.WriteLine($"{result.Status} {result.RunId} {result.Error?.ErrorId}".TrimEnd());
    return result.Status == SyncStatus.Succeeded ? 0 : 1;
}
catch (HostawayException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.WriteLine($"Failed - {exception.ErrorId}");
    return 3;
}
finally
{
    if (reportPeak)
    {
        Console.WriteLine($"peak-working-set {PeakWorkingSet()}");
    }
}

// Linux: the kernel's high-water mark of the resident set (VmHWM); elsewhere what .NET reports as the peak working set.
static long PeakWorkingSet()
{
    if (OperatingSystem.IsLinux())
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is not null)
        {
            return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
    }

    return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
}
