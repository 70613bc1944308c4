using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dapper;
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
        param([string] $Module, [string] $Database)
        $ErrorActionPreference = 'Stop'
        Import-Module $Module
        foreach ($cmdlet in 'Get-HostawayReservation', 'Get-HostawayGuest') {
            foreach ($run in 1, 2) {
                $first = $null
                $n = 0
                $sw = [Diagnostics.Stopwatch]::StartNew()
                & $cmdlet -DatabasePath $Database | ForEach-Object { if ($null -eq $first) { $first = $sw.Elapsed.TotalMilliseconds }; $n++ }
                $seconds = $sw.Elapsed.TotalSeconds
                [pscustomobject]@{ Cmdlet = $cmdlet; Run = $run; Objects = $n; FirstMs = $first; Seconds = $seconds } | ConvertTo-Json -Compress
            }
        }
        """;

    public static async Task<BenchmarkResult> GetCmdletsAsync(IReadOnlyList<string> pwsh, string module, int reservations = 100_000)
    {
        using var folder = new BenchFolder("queries");
        var (database, stored, guests, syncSeconds) = await BuildDatabaseAsync(folder, reservations);
        var script = folder.Combine("measure.ps1");
        await File.WriteAllTextAsync(script, Script);
        var (exit, output, errors, _) = await ChildProcess.RunAsync(
            pwsh[0], [.. pwsh.Skip(1), "-NoProfile", "-NonInteractive", "-File", script, "-Module", module, "-Database", database]);
        if (exit != 0)
        {
            throw new InvalidOperationException($"The query measurement failed (exit code {exit}): {errors}{output}");
        }

        var runs = output.Split('\n').Where(l => l.TrimStart().StartsWith('{')).Select(l => JsonSerializer.Deserialize<QueryRun>(l)!).ToList();
        var figures = new List<Figure>
        {
            Figure.Of("reservations stored", stored),
            Figure.Of("guests stored", guests),
            Figure.Of("database built by a sync of listings and reservations (s)", syncSeconds, "0.0"),
        };
        foreach (var run in runs)
        {
            var rate = run.Objects / run.Seconds;
            figures.Add(new Figure(
                $"{run.Cmdlet}, run {run.Run}: objects, objects/s, first object (ms), total (s)",
                string.Create(CultureInfo.InvariantCulture, $"{run.Objects:N0}, {rate:N0}, {run.FirstMs:0}, {run.Seconds:0.0}"),
                rate));
        }

        var complete = runs.Count == 4 && runs.Where(r => r.Cmdlet == "Get-HostawayReservation").All(r => r.Objects == stored)
            && runs.Where(r => r.Cmdlet == "Get-HostawayGuest").All(r => r.Objects == guests);
        return new BenchmarkResult("queries", figures, "none set (report objects/s and the time to the first object)", complete ? null : false)
        {
            Title = "6. Queries",
            Headline = string.Join("; ", runs.Where(r => r.Run == 2).Select(r => string.Create(CultureInfo.InvariantCulture,
                $"{r.Cmdlet}: {r.Objects / r.Seconds:N0} objects/s, first object {r.FirstMs:0} ms ({runs.First(c => c.Cmdlet == r.Cmdlet).FirstMs:0} ms in the session's first run)"))),
            Method = string.Create(CultureInfo.InvariantCulture, $"A database of {stored:N0} reservations and {guests:N0} guests, made by a real sync of a simulated account (listings and reservations; conversations skipped). In a fresh pwsh against out/HostawaySync: `Get-HostawayReservation -DatabasePath X | ForEach-Object {{ ... }}` and the same for Get-HostawayGuest, each twice in the same session; the time to the first object is taken inside ForEach-Object, the total when the pipeline ends."),
            Note = complete ? null : "Not every stored object came out of the cmdlets; see the counts.",
        };
    }

    private static async Task<(string Path, long Reservations, long Guests, double Seconds)> BuildDatabaseAsync(BenchFolder folder, int reservations)
    {
        await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions
        {
            Seed = 46, Dataset = new DatasetOptions(reservations / 100, reservations, 1), Settings = SimulatedAccount.Unlimited,
        });
        var options = SimulatedAccount.Sync(simulator, folder) with { Resources = SyncResources.Listings | SyncResources.Reservations, Mode = SyncMode.Full };
        var clock = Stopwatch.StartNew();
        var result = await SyncRunner.RunAsync(options);
        if (result.Status != SyncStatus.Succeeded)
        {
            throw new InvalidOperationException($"The sync that builds the query database ended {result.Status}: {result.Error?.Message}");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        var stored = db.ExecuteScalar<long>("SELECT count(*) FROM reservations WHERE deleted_at IS NULL AND raw_json <> '{}';");
        var guests = db.ExecuteScalar<long>("SELECT count(*) FROM guests WHERE merged_into_guest_id IS NULL;");
        return (options.DatabasePath, stored, guests, seconds);
    }

    private sealed record QueryRun(string Cmdlet, int Run, long Objects, double FirstMs, double Seconds);
}
