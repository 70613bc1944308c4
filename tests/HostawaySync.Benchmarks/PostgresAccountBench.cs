using System.Globalization;
using HostawaySync.Engine.Tests.Postgres;
using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>
/// What the PostgreSQL scenarios that sync a simulated account start from: their folder, the PostgreSQL server
/// (<see cref="PostgresBench.StartServer"/>) with a new database on it, and the account (seed 42, no faults, no limits),
/// both described for the report. Disposed in the reverse order.
/// </summary>
public sealed class PostgresAccountBench : IAsyncDisposable
{
    private PostgresAccountBench(BenchFolder folder, PostgresServer server, PostgresDatabase database, HostawaySimulator simulator, string serverText)
    {
        Folder = folder;
        Server = server;
        Database = database;
        Simulator = simulator;
        ServerText = serverText;
        var counts = simulator.GetCounts();
        Counts = counts;
        Account = string.Create(CultureInfo.InvariantCulture, $"{counts.Listings:N0} listings, {counts.Reservations:N0} reservations, {counts.Conversations:N0} conversations, {counts.Messages:N0} messages");
    }

    public BenchFolder Folder { get; }

    public PostgresServer Server { get; }

    /// <summary>A new database on <see cref="Server"/>, dropped afterwards.</summary>
    public PostgresDatabase Database { get; }

    public HostawaySimulator Simulator { get; }

    public GroundTruthCounts Counts { get; }

    /// <summary>The account's size, for the report.</summary>
    public string Account { get; }

    /// <summary>The server's version and settings, for the report.</summary>
    public string ServerText { get; }

    public static async Task<PostgresAccountBench> StartAsync(string name, DatasetOptions dataset)
    {
        var folder = new BenchFolder(name);
        PostgresServer? server = null;
        PostgresDatabase? database = null;
        try
        {
            server = PostgresBench.StartServer();
            var serverText = PostgresBench.Describe(server);
            database = server.CreateDatabase();
            var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 42, Dataset = dataset, Settings = SimulatedAccount.Unlimited });
            var bench = new PostgresAccountBench(folder, server, database, simulator, serverText);
            Console.WriteLine($"   account: {bench.Account}; {serverText}");
            return bench;
        }
        catch
        {
            database?.Dispose();
            server?.Dispose();
            folder.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        Database.Dispose();
        Server.Dispose();
        Folder.Dispose();
    }
}
