using System.Globalization;
using System.Net;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>Client and sync options pointing at a simulator, shared by the scenarios.</summary>
public static class SimulatedAccount
{
    /// <summary>No rate limits, no latency, no faults: what the economy and size scenarios measure against.</summary>
    public static SimulatorSettings Unlimited { get; } = new() { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0 };

    public static HostawayClientOptions Client(HostawaySimulator simulator, int requestsPer10Seconds = 1_000_000) =>
        DefaultClient(simulator) with { RequestsPer10Seconds = requestsPer10Seconds };

    public static SyncOptions Sync(HostawaySimulator simulator, BenchFolder folder, int requestsPer10Seconds = 1_000_000) =>
        Sync(folder, Client(simulator, requestsPer10Seconds));

    /// <summary>
    /// Credential and base URL only: the request budget and every other client setting stay the engine's defaults, so a
    /// scenario measures whatever budget a user who sets nothing gets (issue 16).
    /// </summary>
    public static HostawayClientOptions DefaultClient(HostawaySimulator simulator) => new()
    {
        Credential = new NetworkCredential(simulator.AccountId.ToString(CultureInfo.InvariantCulture), simulator.ClientSecret),
        BaseUrl = simulator.BaseUrl,
    };

    /// <summary>Sync options whose client has the default budget (<see cref="DefaultClient"/>).</summary>
    public static SyncOptions DefaultSync(HostawaySimulator simulator, BenchFolder folder) => Sync(folder, DefaultClient(simulator));

    private static SyncOptions Sync(BenchFolder folder, HostawayClientOptions client) => new()
    {
        DatabasePath = folder.Combine("hostaway.db"),
        ConversationsPath = folder.Combine("conversations"),
        Client = client,
    };
}
