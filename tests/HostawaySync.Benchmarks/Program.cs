using System.Diagnostics;
using HostawaySync.Benchmarks;
using HostawaySync.Simulator;

// Usage: HostawaySync.Benchmarks <scenario>... [--json <file>] [--markdown <file>] [--module <psd1>] [--pwsh <exe> [--pwsh <arg>]...] [--command <text>]
// Scenarios: all (what build.ps1 -Task Bench runs: items 1 to 7 of issue 6, then paging-variants, reconcile and reviews), sync-large (items 1 and 3), client-budget (2),
// store-throughput (4), memory (5), queries (6; needs --module and --pwsh), naive (7); also sync-economy (items 1 and 3
// on a Medium account), client-default (the default budget against a strict server) and paging-variants (also in all:
// a full sync's requests ÷ the minimum under each reading of the API's open paging questions).
// PostgreSQL (issue 11; a throwaway server with default durability from the installed binaries, or HOSTAWAY_TEST_POSTGRES_URL):
// postgres (the four below), pg-sync (a Medium account into SQLite and PostgreSQL), pg-store-throughput, pg-queries (needs
// --module and --pwsh), pg-copy (SQLite -> PostgreSQL -> SQLite, then an incremental sync on the copy). Their figures go to
// the report's "postgres" section. reconcile (issue 12; about 2 minutes, also in all): after 1% of a Medium account's reservations changed,
// 0.2% deleted and new messages on 1%, a reconcile's requests ÷ the full sync's and the database and files against the
// ground truth; then the same for the Large preset, computed from its counts when a full sync would not fit the machine's
// time. Its figures go to the report's "reconcile" section. reviews (issue 14; about 2 minutes, also in all): a Medium account's
// full sync, a day of review changes, an incremental run's review requests ÷ the full sync's review pages, and the reviews
// against the API after it and after a reconcile; its figures go to the report's "reviews" section.
// Rate-limit discovery (issue 16; NOT in all: they run in real time at the simulated API's pace, with the client's default
// budget, which has to find the limit from 429 answers): rate-limit (the three below, in this order), rate-limit-revised (a Medium
// account's full sync under the Revised limits, 200 per 10 s, with 200 ms latency: requests/s ÷ 20 and 429s, then a scheduled
// run the next day and the rate limit stored in sync_state), rate-limit-small (the same full sync on an account of about 1,300
// requests), rate-limit-documented (that account under the Documented limits, 15 per 10 s per IP: about 15 minutes).
// HOSTAWAYSYNC_BENCH_QUICK=1 runs them on a tiny account, to check they run. Their figures go to the report's "rate-limit"
// section, the others' to "bench".
// Exit code: 0 when every scenario ran (a missed target is reported, not an error), 1 when one failed to run.
var options = ParseOptions(args);
var scenarios = options.Scenarios.Count == 0 ? ["client-budget", "client-default"] : options.Scenarios;
if (scenarios.Contains("all"))
{
    scenarios = ["sync-large", "client-budget", "store-throughput", "memory", "queries", "naive", "paging-variants", "reconcile", "reviews"];
}

scenarios = [.. scenarios.SelectMany(s => s switch { "postgres" => PostgresScenarios.All, "rate-limit" => RateLimitBenchmarks.Scenarios, _ => [s] })];

var machine = MachineInfo.Current();
var startedUtc = DateTime.UtcNow;
var clock = Stopwatch.StartNew();
var results = new List<BenchmarkResult>();
var crashed = 0;
foreach (var scenario in scenarios)
{
    Console.WriteLine($"== {scenario} (load average {MachineInfo.CurrentLoad() ?? "n/a"})");
    IReadOnlyList<BenchmarkResult> produced;
    try
    {
        produced = scenario switch
        {
            "sync-large" => await SyncBenchmarks.EconomyAsync(SyncBenchmarks.LargeAccount, scenario),
            "sync-economy" => await SyncBenchmarks.EconomyAsync(DatasetOptions.Medium, scenario),
            "client-budget" => [await ClientBenchmarks.BudgetUseAsync()],
            "client-default" => [await ClientBenchmarks.DefaultBudgetAsync()],
            "store-throughput" => [await StoreBenchmarks.ThroughputAsync()],
            "memory" => [await MemoryBenchmarks.PeakWorkingSetAsync()],
            "queries" => [await QueryBenchmarks.GetCmdletsAsync(
                options.Pwsh.Count > 0 ? options.Pwsh : throw new ArgumentException("The queries scenario needs --pwsh <exe> (and --pwsh <arg> for each argument)."),
                options.Module ?? throw new ArgumentException("The queries scenario needs --module <path of HostawaySync.psd1>."))],
            "naive" => [await NaiveBenchmarks.AgainstNaiveAsync()],
            "paging-variants" => [await PagingVariantBenchmarks.RunAsync()],
            "reconcile" => await ReconcileBenchmarks.RunAsync(),
            "reviews" => await ReviewBenchmarks.RunAsync(),
            _ when RateLimitBenchmarks.Scenarios.Contains(scenario) => await RateLimitBenchmarks.RunAsync(scenario),
            _ when PostgresScenarios.All.Contains(scenario) => await PostgresScenarios.RunAsync(scenario, options),
            _ => throw new ArgumentException($"Unknown scenario '{scenario}'."),
        };
    }
    catch (Exception exception) when (exception is not OutOfMemoryException)
    {
        crashed++;
        Console.WriteLine($"   FAILED TO RUN: {exception}");
        produced = [new BenchmarkResult(scenario, [Figure.Of("error", exception.GetType().Name + ": " + exception.Message)], "the scenario runs", false)
        {
            Title = scenario, Note = "The scenario did not run to its end; see the error.",
        }];
    }

    foreach (var result in produced)
    {
        results.Add(result);
        Console.WriteLine($"   -- {result.Title}");
        foreach (var figure in result.Figures)
        {
            Console.WriteLine($"   {figure.Name,-60} {figure.Text}");
        }

        Console.WriteLine($"   target: {result.Target} -> {(result.Met switch { true => "met", false => "NOT met", null => "no target" })}");
    }
}

var command = options.Command ?? "dotnet run -c Release --project tests/HostawaySync.Benchmarks -- " + string.Join(' ', args);
if (options.Json is not null)
{
    await BenchmarkReport.WriteJsonAsync(options.Json, results, machine, startedUtc, clock.Elapsed, command);
}

if (options.Markdown is not null)
{
    await BenchmarkReport.WriteMarkdownAsync(options.Markdown, results, machine, startedUtc, clock.Elapsed, command);
}

Console.WriteLine($"{results.Count(r => r.Met == true)} of {results.Count(r => r.Met is not null)} targets met; {crashed} scenario(s) failed to run; {clock.Elapsed.TotalMinutes:0.0} minutes.");
return crashed == 0 ? 0 : 1;

static BenchOptions ParseOptions(string[] args)
{
    var options = new BenchOptions();
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
        switch (args[i])
        {
            case "--json": options.Json = Value(); break;
            case "--markdown": options.Markdown = Value(); break;
            case "--module": options.Module = Value(); break;
            case "--pwsh": options.Pwsh.Add(Value()); break;
            case "--command": options.Command = Value(); break;
            default: options.Scenarios.Add(args[i]); break;
        }
    }

    return options;
}
