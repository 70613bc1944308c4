using System.Diagnostics;
using System.Globalization;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Copy;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>
/// A Medium account synced in full into SQLite, copied to PostgreSQL with the engine's copier (what
/// Copy-HostawayDatabase runs) and from there back to a new SQLite file; rows per second both ways. Then the account
/// changes by 1% and the next sync runs on the SQLite source and on the PostgreSQL copy, each with its own conversation
/// files: both must be incremental and make the same requests, and the copy must then equal the ground truth.
/// </summary>
public static class CopyBenchmarks
{
    public static async Task<BenchmarkResult> SqliteToPostgresAndBackAsync(DatasetOptions dataset)
    {
        await using var bench = await PostgresAccountBench.StartAsync("pg-copy", dataset);
        var (folder, simulator) = (bench.Folder, bench.Simulator);
        var sqliteOptions = SimulatedAccount.Sync(simulator, folder);
        var full = await SyncRunner.RunAsync(sqliteOptions with { Mode = SyncMode.Full });
        Console.WriteLine($"   full sync into SQLite: {full.Status}");

        // The database holds file paths relative to the conversations folder: a copy that is synced needs the same files,
        // and its own folder here, since the source is synced too (as when the files move with the database).
        var postgresFiles = folder.Combine("conversations-pg");
        CopyFolder(sqliteOptions.ConversationsPath, postgresFiles);
        var postgres = StoreLocation.FromUrl(bench.Database.ConnectionString);
        var there = await CopyAsync(new StoreCopyOptions { Source = sqliteOptions.DatabasePath, Destination = postgres, ConversationsPath = postgresFiles });
        var back = await CopyAsync(new StoreCopyOptions { Source = postgres, Destination = folder.Combine("back", "hostaway.db"), ConversationsPath = postgresFiles });
        var sameRows = there.Result.Tables.SequenceEqual(back.Result.Tables);

        var changed = Math.Max(1, bench.Counts.Reservations / 100);
        simulator.Mutate(new MutationRequest { UpdatedReservations = changed / 2, NewMessages = changed - (changed / 2), Seed = 7 });
        var onSource = await SyncAsync(simulator, sqliteOptions, "SQLite source");
        var onCopy = await SyncAsync(simulator, sqliteOptions with { Store = postgres, ConversationsPath = postgresFiles }, "PostgreSQL copy");

        using var pg = PostgresBench.OpenSchema(bench.Database.ConnectionString);
        var truth = await GroundTruthCheck.CompareAsync(simulator, pg);
        var sourceTruth = await GroundTruthCheck.CompareAsync(simulator, sqliteOptions.DatabasePath);
        var equal = truth.All(t => t.Equal);
        var sameRequests = onSource.Requests == onCopy.Requests;
        var incremental = IsIncremental(onSource.Result) && IsIncremental(onCopy.Result);
        var sameChanges = Changes(onSource.Result).SequenceEqual(Changes(onCopy.Result));
        var succeeded = new[] { full, onSource.Result, onCopy.Result }.All(r => r.Status == SyncStatus.Succeeded);
        var table = new ResultTable(
            ["table", "SQLite → PostgreSQL (rows)", "PostgreSQL → SQLite (rows)"],
            [.. there.Result.Tables.Zip(back.Result.Tables, (t, b) => (IReadOnlyList<Figure>)
            [
                Figure.Of("table", t.Table),
                Figure.Of("there", t.Rows),
                Figure.Of("back", b.Rows),
            ])]);
        return new BenchmarkResult("pg-copy",
        [
            Figure.Of("account", bench.Account),
            Figure.Of("server", bench.ServerText),
            Figure.Of("full sync into SQLite: status, requests", string.Create(CultureInfo.InvariantCulture, $"{full.Status}, {full.Resources.Sum(r => r.Requests):N0}")),
            .. Describe("SQLite → PostgreSQL", there),
            .. Describe("PostgreSQL → SQLite", back),
            Figure.Of("the same rows in both copies, table by table", sameRows ? "yes" : "no"),
            Figure.Of("changes (1% of reservations)", string.Create(CultureInfo.InvariantCulture, $"{changed / 2:N0} reservations updated, {changed - (changed / 2):N0} new messages")),
            Figure.Of("next sync, SQLite source and PostgreSQL copy: status", $"{onSource.Result.Status}, {onCopy.Result.Status}"),
            Figure.Of("next sync: mode of the run and of each resource", $"{Modes(onSource.Result)}; {Modes(onCopy.Result)}"),
            Figure.Of("next sync: requests (token excluded)", string.Create(CultureInfo.InvariantCulture, $"{onSource.Requests:N0}, {onCopy.Requests:N0}")),
            Figure.Of("next sync: wall time (s)", string.Create(CultureInfo.InvariantCulture, $"{onSource.Seconds:0.0}, {onCopy.Seconds:0.0}")),
            Figure.Of("the same requests", sameRequests ? "yes" : "no"),
            Figure.Of("the same created, updated, unchanged and deleted counts per resource", sameChanges ? "yes" : "no"),
            Figure.Of("PostgreSQL copy equal to the ground truth after its sync", equal ? "yes" : "no"),
            .. truth.Select(t => Figure.Of(
                $"  {t.Table}: API, stored, missing, extra, differing",
                string.Create(CultureInfo.InvariantCulture, $"{t.Truth:N0}, {t.Stored:N0}, {t.Missing}, {t.Extra}, {t.Differ}"))),
            Figure.Of("SQLite source equal to the ground truth after its sync", sourceTruth.All(t => t.Equal) ? "yes" : "no"),
        ],
        "every sync succeeded; the copy's next sync incremental, with the same requests and changes as the source's; the PostgreSQL copy then equal to the ground truth; the same rows in both copies (rows/s has no target)",
        succeeded && incremental && sameRequests && sameChanges && equal && sameRows)
        {
            Title = "P4. Copy between SQLite and PostgreSQL",
            Table = table,
            Headline = string.Create(CultureInfo.InvariantCulture,
                $"SQLite → PostgreSQL {there.Result.Rows:N0} rows at {there.Result.RowsPerSecond:N0} rows/s (+ {there.Result.SearchIndexDuration.TotalSeconds:0.0} s search index), back at {back.Result.RowsPerSecond:N0} rows/s; next sync on the copy incremental with {(sameRequests ? "the same" : "NOT the same")} requests ({onCopy.Requests:N0}); equal to the ground truth: {(equal ? "yes" : "no")}"),
            Method = "A full sync (SyncRunner) of a simulated Medium account (no faults, no latency, no rate limit) into a new SQLite database; its conversation files copied to a second folder; the database copied with StoreCopier.CopyAsync (what Copy-HostawayDatabase runs, progress off) into a new PostgreSQL database, the search index built from the second folder, then that database copied into a new SQLite file. Rows/s is the rows of every table over the copy's time up to its commit; the search index build after it is timed apart. Then 1% of the reservations change (half updated, half receiving a new message) and the next sync (no mode given: the engine chooses) runs on the SQLite source with its files and on the PostgreSQL copy with the second folder; requests are counted by the simulator (token excluded) for each, and the PostgreSQL copy is compared with the ground truth as in item 3.",
        };
    }

    private static async Task<(StoreCopyResult Result, double Seconds)> CopyAsync(StoreCopyOptions options)
    {
        var clock = Stopwatch.StartNew();
        var result = await StoreCopier.CopyAsync(options);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"   copy {options.Source.Provider} → {options.Destination.Provider}: {result.Rows:N0} rows in {result.Duration.TotalSeconds:0.0} s, search index {result.SearchIndex} ({result.MessagesIndexed:N0} messages) in {result.SearchIndexDuration.TotalSeconds:0.0} s; {seconds:0.0} s in all"));
        return (result, seconds);
    }

    private static IEnumerable<Figure> Describe(string direction, (StoreCopyResult Result, double Seconds) copy) =>
    [
        Figure.Of($"{direction}: rows", copy.Result.Rows),
        Figure.Of($"{direction}: copy up to the commit (s)", copy.Result.Duration.TotalSeconds, "0.0"),
        Figure.Of($"{direction}: rows/s", copy.Result.RowsPerSecond, "N0"),
        Figure.Of($"{direction}: search index: messages, seconds", string.Create(
            CultureInfo.InvariantCulture, $"{copy.Result.MessagesIndexed:N0} ({copy.Result.SearchIndex}), {copy.Result.SearchIndexDuration.TotalSeconds:0.0}")),
        Figure.Of($"{direction}: wall time in all (s)", copy.Seconds, "0.0"),
        Figure.Of($"{direction}: rows/s of the wall time in all", copy.Result.Rows / copy.Seconds, "N0"),
    ];

    private static async Task<(SyncRunResult Result, long Requests, double Seconds)> SyncAsync(HostawaySimulator simulator, SyncOptions options, string what)
    {
        simulator.ResetStats();
        var clock = Stopwatch.StartNew();
        var result = await SyncRunner.RunAsync(options with { Mode = null });
        var seconds = clock.Elapsed.TotalSeconds;
        var requests = SyncBenchmarks.DataRequests(simulator.GetStats());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   next sync on the {what}: {result.Status}, {Modes(result)}, {requests:N0} requests, {seconds:0.0} s"));
        return (result, requests, seconds);
    }

    // Listings have no cursor: every run reads them all, whatever its mode.
    private static bool IsIncremental(SyncRunResult run) =>
        run.Mode == SyncMode.Incremental && run.Resources.Where(r => r.Resource != SyncResources.Listings).All(r => r.Mode == SyncMode.Incremental);

    private static string Modes(SyncRunResult run) => $"{run.Mode} ({string.Join(", ", run.Resources.Select(r => $"{r.Resource} {r.Mode}"))})";

    private static List<(SyncResources, int, int, int, int, long)> Changes(SyncRunResult run) =>
        [.. run.Resources.Select(r => (r.Resource, r.Created, r.Updated, r.Unchanged, r.Deleted, r.Messages))];

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
