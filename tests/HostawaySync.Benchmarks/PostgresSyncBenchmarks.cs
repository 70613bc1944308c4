using System.Diagnostics;
using System.Globalization;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>
/// One account synced in full into SQLite and into PostgreSQL in the same run, against the same simulator: the two
/// runs must make the same requests (the store must not change what is asked of the API), both must store the same
/// changes, and the PostgreSQL result must equal the ground truth. Their wall times are compared.
/// </summary>
public static class PostgresSyncBenchmarks
{
    public static async Task<BenchmarkResult> SqliteAndPostgresAsync(DatasetOptions dataset)
    {
        await using var bench = await PostgresAccountBench.StartAsync("pg-sync", dataset);
        var (folder, database, simulator, account, serverText) = (bench.Folder, bench.Database, bench.Simulator, bench.Account, bench.ServerText);

        var sqliteOptions = SimulatedAccount.Sync(simulator, folder) with { Mode = SyncMode.Full };
        // The same sync with its own conversation files, into a PostgreSQL schema (the engine takes its writer lock there).
        var postgresOptions = sqliteOptions with { Store = StoreLocation.FromUrl(database.ConnectionString), ConversationsPath = folder.Combine("conversations-pg") };
        var sqlite = await RunAsync(simulator, sqliteOptions);
        var postgres = await RunAsync(simulator, postgresOptions);

        using var pg = PostgresBench.OpenSchema(database.ConnectionString);
        var truth = await GroundTruthCheck.CompareAsync(simulator, pg);
        var sqliteTruth = await GroundTruthCheck.CompareAsync(simulator, sqliteOptions.DatabasePath);
        var equal = truth.All(t => t.Equal);
        var sameRequests = sqlite.Requests == postgres.Requests;
        var sameChanges = Changes(sqlite.Result).SequenceEqual(Changes(postgres.Result));
        var succeeded = sqlite.Result.Status == SyncStatus.Succeeded && postgres.Result.Status == SyncStatus.Succeeded;
        var ratio = postgres.Seconds / sqlite.Seconds;
        var table = new ResultTable(
            ["resource", "SQLite: requests, created, seconds", "PostgreSQL: requests, created, seconds", "PostgreSQL ÷ SQLite (seconds)"],
            [.. sqlite.Result.Resources.Zip(postgres.Result.Resources, (s, p) => (IReadOnlyList<Figure>)
            [
                Figure.Of("resource", s.Resource.ToString()),
                Figure.Of("sqlite", Describe(s)),
                Figure.Of("postgres", Describe(p)),
                Figure.Of("ratio", p.Duration.TotalSeconds / s.Duration.TotalSeconds, "0.00"),
            ])]);
        return new BenchmarkResult("pg-sync",
        [
            Figure.Of("account", account),
            Figure.Of("server", serverText),
            Figure.Of("status, SQLite and PostgreSQL", $"{sqlite.Result.Status}, {postgres.Result.Status}"),
            Figure.Of("requests, SQLite and PostgreSQL (token excluded)", string.Create(CultureInfo.InvariantCulture, $"{sqlite.Requests:N0}, {postgres.Requests:N0}")),
            Figure.Of("the same requests", sameRequests ? "yes" : "no"),
            Figure.Of("the same created, updated, unchanged and deleted counts per resource", sameChanges ? "yes" : "no"),
            Figure.Of("wall time, SQLite and PostgreSQL (s)", string.Create(CultureInfo.InvariantCulture, $"{sqlite.Seconds:0.0}, {postgres.Seconds:0.0}")),
            Figure.Of("load average before each run", $"{sqlite.Load}; {postgres.Load}"),
            Figure.Of("PostgreSQL database equal to the ground truth", equal ? "yes" : "no"),
            .. truth.Select(t => Figure.Of(
                $"  {t.Table}: API, stored, missing, extra, differing",
                string.Create(CultureInfo.InvariantCulture, $"{t.Truth:N0}, {t.Stored:N0}, {t.Missing}, {t.Extra}, {t.Differ}"))),
            Figure.Of("SQLite database equal to the ground truth", sqliteTruth.All(t => t.Equal) ? "yes" : "no"),
            Figure.Of("PostgreSQL ÷ SQLite, wall time", ratio, "0.00"),
        ], "the same requests and changes, and the PostgreSQL database equal to the ground truth (the wall time ratio has no target)", succeeded && sameRequests && sameChanges && equal)
        {
            Title = "P1. Full sync into PostgreSQL and SQLite",
            Table = table,
            Headline = string.Create(CultureInfo.InvariantCulture,
                $"PostgreSQL ÷ SQLite wall time = {ratio:0.00} ({postgres.Seconds:0} s against {sqlite.Seconds:0} s); requests {(sameRequests ? "equal" : "NOT equal")} ({postgres.Requests:N0}); PostgreSQL equal to the ground truth: {(equal ? "yes" : "no")}"),
            Method = "A full sync (SyncRunner, conversations and messages included) of a simulated Medium account with no faults, no latency, no rate limit and an unlimited client budget, first into a new SQLite database, then, against the same simulator, into a new PostgreSQL database (SyncOptions.Store = StoreLocation.FromUrl(...): the engine creates the schema and takes its advisory writer lock), each with its own conversation files. Requests are counted by the simulator (token request excluded) for each run. Then the PostgreSQL schema is compared with the simulator's ground truth as in item 3 (the same comparison reads either store), and so is the SQLite file.",
        };
    }

    private static async Task<(SyncRunResult Result, long Requests, double Seconds, string Load)> RunAsync(HostawaySimulator simulator, SyncOptions options)
    {
        var load = MachineInfo.CurrentLoad() ?? "n/a";
        simulator.ResetStats();
        var clock = Stopwatch.StartNew();
        var result = await SyncRunner.RunAsync(options);
        var seconds = clock.Elapsed.TotalSeconds;
        var requests = SyncBenchmarks.DataRequests(simulator.GetStats());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {options.Store.Provider}: {result.Status}, {requests:N0} requests, {seconds:0.0} s"));
        return (result, requests, seconds, load);
    }

    private static string Describe(ResourceSyncResult r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Requests:N0}, {r.Created:N0}, {r.Duration.TotalSeconds:0.0}");

    private static List<(SyncResources, int, int, int, int, long)> Changes(SyncRunResult run) =>
        [.. run.Resources.Select(r => (r.Resource, r.Created, r.Updated, r.Unchanged, r.Deleted, r.Messages))];
}
