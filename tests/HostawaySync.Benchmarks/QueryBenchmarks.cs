using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dapper;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Benchmarks;

/// <summary>
/// Get-HostawayReservation and Get-HostawayGuest over a database of 100,000 reservations (and their guests), in a fresh
/// pwsh against the built module: objects/s and the time to the first object, each cmdlet run twice (the first run
/// of a cmdlet in a session pays for loading and compiling its code).
/// </summary>
public static class QueryBenchmarks
{
    // Runs in the child pwsh. Prints one JSON line per run.
    private const string Script = """
        param([string] $Module, [string] $Database, [string] $Url)
        $ErrorActionPreference = 'Stop'
        Import-Module $Module
        $store = if ($Url) { @{ DatabaseUrl = $Url } } else { @{ DatabasePath = $Database } }
        foreach ($cmdlet in 'Get-HostawayReservation', 'Get-HostawayGuest') {
            foreach ($run in 1, 2) {
                $first = $null
                $n = 0
                $sw = [Diagnostics.Stopwatch]::StartNew()
                & $cmdlet @store | ForEach-Object { if ($null -eq $first) { $first = $sw.Elapsed.TotalMilliseconds }; $n++ }
                $seconds = $sw.Elapsed.TotalSeconds
                [pscustomobject]@{ Cmdlet = $cmdlet; Run = $run; Objects = $n; FirstMs = $first; Seconds = $seconds } | ConvertTo-Json -Compress
            }
        }
        """;

    public static async Task<BenchmarkResult> GetCmdletsAsync(IReadOnlyList<string> pwsh, string module, int reservations = 100_000)
    {
        using var folder = new BenchFolder("queries");
        await using var simulator = await StartAccountAsync(reservations);
        var (database, stored, guests, syncSeconds) = await BuildSqliteAsync(simulator, folder);
        var runs = await MeasureAsync(pwsh, module, folder, "-Database", database);
        var figures = new List<Figure>
        {
            Figure.Of("reservations stored", stored),
            Figure.Of("guests stored", guests),
            Figure.Of("database built by a sync of listings and reservations (s)", syncSeconds, "0.0"),
        };
        figures.AddRange(runs.Select(RunFigure));
        var complete = Complete(runs, stored, guests);
        return new BenchmarkResult("queries", figures, "none set (report objects/s and the time to the first object)", complete ? null : false)
        {
            Title = "6. Queries",
            Headline = Headline(runs),
            Method = string.Create(CultureInfo.InvariantCulture, $"A database of {stored:N0} reservations and {guests:N0} guests, made by a real sync of a simulated account (listings and reservations; conversations skipped). In a fresh pwsh against out/HostawaySync: `Get-HostawayReservation -DatabasePath X | ForEach-Object {{ ... }}` and the same for Get-HostawayGuest, each twice in the same session; the time to the first object is taken inside ForEach-Object, the total when the pipeline ends."),
            Note = complete ? null : "Not every stored object came out of the cmdlets; see the counts.",
        };
    }

    /// <summary>
    /// The same measurement on PostgreSQL and, for the ratio, on SQLite in the same run: one simulated account synced into
    /// both stores, then each pair of cmdlets run twice in one fresh pwsh per store.
    /// </summary>
    public static async Task<BenchmarkResult> PostgresAsync(IReadOnlyList<string> pwsh, string module, int reservations = 100_000)
    {
        using var folder = new BenchFolder("pg-queries");
        using var server = PostgresBench.StartServer();
        var serverText = PostgresBench.Describe(server);
        using var pgDatabase = server.CreateDatabase();
        await using var simulator = await StartAccountAsync(reservations);
        var (sqlitePath, sqliteStored, sqliteGuests, sqliteSeconds) = await BuildSqliteAsync(simulator, folder);
        var options = Options(simulator, folder) with
        {
            Store = StoreLocation.FromUrl(pgDatabase.ConnectionString), ConversationsPath = folder.Combine("conversations-pg"),
        };
        var (pgStored, pgGuests, pgSeconds) = await SyncAsync(options, () =>
        {
            using var pg = PostgresBench.OpenSchema(pgDatabase.ConnectionString);
            return Count(pg);
        });

        var sqliteRuns = await MeasureAsync(pwsh, module, folder, "-Database", sqlitePath);
        var pgRuns = await MeasureAsync(pwsh, module, folder, "-Url", pgDatabase.ConnectionString);
        var complete = Complete(sqliteRuns, sqliteStored, sqliteGuests) && Complete(pgRuns, pgStored, pgGuests)
            && pgStored == sqliteStored && pgGuests == sqliteGuests;
        var table = new ResultTable(
            ["cmdlet, run", "SQLite: objects, objects/s, first object (ms)", "PostgreSQL: objects, objects/s, first object (ms)", "PostgreSQL ÷ SQLite (objects/s)"],
            [.. sqliteRuns.Zip(pgRuns, (s, p) => (IReadOnlyList<Figure>)
            [
                Figure.Of("cmdlet", $"{s.Cmdlet}, run {s.Run}"),
                Figure.Of("sqlite", RunText(s)),
                Figure.Of("postgres", RunText(p)),
                Figure.Of("ratio", Rate(p) / Rate(s), "0.00"),
            ])]);
        var second = pgRuns.Where(r => r.Run == 2).ToList();
        return new BenchmarkResult("pg-queries",
        [
            Figure.Of("server", serverText),
            Figure.Of("reservations stored, SQLite and PostgreSQL", string.Create(CultureInfo.InvariantCulture, $"{sqliteStored:N0}, {pgStored:N0}")),
            Figure.Of("guests stored, SQLite and PostgreSQL", string.Create(CultureInfo.InvariantCulture, $"{sqliteGuests:N0}, {pgGuests:N0}")),
            Figure.Of("databases built by a sync of listings and reservations, SQLite and PostgreSQL (s)", string.Create(CultureInfo.InvariantCulture, $"{sqliteSeconds:0.0}, {pgSeconds:0.0}")),
            .. second.Select(p => Figure.Of($"{p.Cmdlet}, run 2: PostgreSQL ÷ SQLite objects/s", Rate(p) / Rate(sqliteRuns.First(s => s.Cmdlet == p.Cmdlet && s.Run == 2)), "0.00")),
        ], "every stored object comes out on both stores (objects/s and the time to the first object reported; no speed target)", complete ? null : false)
        {
            Title = "P3. Queries on PostgreSQL",
            Table = table,
            Headline = Headline(pgRuns),
            Method = string.Create(CultureInfo.InvariantCulture, $"As item 6, on one simulated account ({pgStored:N0} reservations, {pgGuests:N0} guests) synced (listings and reservations) into a new SQLite file and into a new PostgreSQL database ({serverText}). One fresh pwsh per store runs `Get-HostawayReservation` and `Get-HostawayGuest` twice each, with `-DatabasePath X` for SQLite and `-DatabaseUrl Y` for PostgreSQL; objects are counted and timed inside ForEach-Object."),
            Note = complete ? null : "Not every stored object came out of the cmdlets, or the two stores hold different counts; see the figures.",
        };
    }

    private static async Task<List<QueryRun>> MeasureAsync(IReadOnlyList<string> pwsh, string module, BenchFolder folder, string storeParameter, string store)
    {
        var script = folder.Combine("measure.ps1");
        await File.WriteAllTextAsync(script, Script);
        var (exit, output, errors, _) = await ChildProcess.RunAsync(
            pwsh[0], [.. pwsh.Skip(1), "-NoProfile", "-NonInteractive", "-File", script, "-Module", module, storeParameter, store]);
        if (exit != 0)
        {
            throw new InvalidOperationException($"The query measurement failed (exit code {exit}): {errors}{output}");
        }

        return [.. output.Split('\n').Where(l => l.TrimStart().StartsWith('{')).Select(l => JsonSerializer.Deserialize<QueryRun>(l)!)];
    }

    private static double Rate(QueryRun run) => run.Objects / run.Seconds;

    private static string RunText(QueryRun run) =>
        string.Create(CultureInfo.InvariantCulture, $"{run.Objects:N0}, {Rate(run):N0}, {run.FirstMs:0}");

    private static Figure RunFigure(QueryRun run) => new(
        $"{run.Cmdlet}, run {run.Run}: objects, objects/s, first object (ms), total (s)",
        string.Create(CultureInfo.InvariantCulture, $"{run.Objects:N0}, {Rate(run):N0}, {run.FirstMs:0}, {run.Seconds:0.0}"),
        Rate(run));

    private static bool Complete(List<QueryRun> runs, long stored, long guests) =>
        runs.Count == 4 && runs.Where(r => r.Cmdlet == "Get-HostawayReservation").All(r => r.Objects == stored)
        && runs.Where(r => r.Cmdlet == "Get-HostawayGuest").All(r => r.Objects == guests);

    private static string Headline(List<QueryRun> runs) => string.Join("; ", runs.Where(r => r.Run == 2).Select(r => string.Create(CultureInfo.InvariantCulture,
        $"{r.Cmdlet}: {Rate(r):N0} objects/s, first object {r.FirstMs:0} ms ({runs.First(c => c.Cmdlet == r.Cmdlet).FirstMs:0} ms in the session's first run)")));

    private static Task<HostawaySimulator> StartAccountAsync(int reservations) => HostawaySimulator.StartAsync(new SimulatorOptions
    {
        Seed = 46, Dataset = new DatasetOptions(reservations / 100, reservations, 1), Settings = SimulatedAccount.Unlimited,
    });

    private static SyncOptions Options(HostawaySimulator simulator, BenchFolder folder) =>
        SimulatedAccount.Sync(simulator, folder) with { Resources = SyncResources.Listings | SyncResources.Reservations, Mode = SyncMode.Full };

    private static async Task<(string Path, long Reservations, long Guests, double Seconds)> BuildSqliteAsync(HostawaySimulator simulator, BenchFolder folder)
    {
        var options = Options(simulator, folder);
        var (stored, guests, seconds) = await SyncAsync(options, () =>
        {
            using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            db.Open();
            return Count(db);
        });
        return (options.DatabasePath, stored, guests, seconds);
    }

    private static async Task<(long Reservations, long Guests, double Seconds)> SyncAsync(SyncOptions options, Func<(long, long)> count)
    {
        var clock = Stopwatch.StartNew();
        var result = await SyncRunner.RunAsync(options);
        if (result.Status != SyncStatus.Succeeded)
        {
            throw new InvalidOperationException($"The sync that builds the query database ({options.Store.Provider}) ended {result.Status}: {result.Error?.Message}");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var (stored, guests) = count();
        return (stored, guests, seconds);
    }

    private static (long Reservations, long Guests) Count(System.Data.IDbConnection db) =>
        (db.ExecuteScalar<long>("SELECT count(*) FROM reservations WHERE deleted_at IS NULL AND raw_json <> '{}';"),
         db.ExecuteScalar<long>("SELECT count(*) FROM guests WHERE merged_into_guest_id IS NULL;"));

    private sealed record QueryRun(string Cmdlet, int Run, long Objects, double FirstMs, double Seconds);
}
