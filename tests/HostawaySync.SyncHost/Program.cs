using System.Net;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Sync;

// Usage: HostawaySync.SyncHost <base-url> <account-id> <database> <conversations> [Full|Incremental]
// The API secret comes from HOSTAWAY_API_KEY (never on the command line). Exit code: 0 when the run succeeded.
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
return result.Status == SyncStatus.Succeeded ? 0 : 1;
