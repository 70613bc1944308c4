using System.Text.Json;
using HostawaySync.Benchmarks;

// Usage: HostawaySync.Benchmarks <scenario>... [--json <file>]
// Scenarios: client-budget (rate-budget use at 200 ms latency), client-default (default budget vs a 15/10 s server),
// sync-economy (requests of a full and an incremental sync against the minimum, Medium account).
var jsonPath = args.SkipWhile(a => a != "--json").Skip(1).FirstOrDefault();
var scenarios = args.TakeWhile(a => a != "--json").ToList();
if (scenarios.Count == 0)
{
    scenarios = ["client-budget", "client-default"];
}

var results = new List<BenchmarkResult>();
foreach (var scenario in scenarios)
{
    Console.WriteLine($"== {scenario}");
    var result = scenario switch
    {
        "client-budget" => await ClientBenchmarks.BudgetUseAsync(),
        "client-default" => await ClientBenchmarks.DefaultBudgetAsync(),
        "sync-economy" => await SyncBenchmarks.EconomyAsync(HostawaySync.Simulator.DatasetOptions.Medium, scenario),
        _ => throw new ArgumentException($"Unknown scenario '{scenario}'."),
    };
    results.Add(result);
    foreach (var (name, value) in result.Figures)
    {
        Console.WriteLine($"   {name,-34} {value}");
    }

    Console.WriteLine($"   target: {result.Target} -> {(result.Met ? "met" : "NOT met")}");
}

if (jsonPath is not null)
{
    await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
}

return results.All(r => r.Met) ? 0 : 1;
