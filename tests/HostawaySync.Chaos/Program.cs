using System.Diagnostics;
using System.Globalization;
using HostawaySync.Chaos;

// Usage: HostawaySync.Chaos [--report docs/benchmarks.md] [--json docs/chaos.json] [--only <id>[,<id>...]] [--seed <kill-seed>]
// Runs the chaos scenarios, writes their section of the report (between its markers) and the JSON, and exits 1 when a check failed.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var reportPath = Option("--report");
var jsonPath = Option("--json");
var only = Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
if (Option("--seed") is { } seed)
{
    KillScenario.Seed = int.Parse(seed, CultureInfo.InvariantCulture);
}

var all = new (string Id, string Title, Func<ScenarioReport, Task> Run)[]
{
    ("fault-sweep", "1. Fault-rate sweep: 0%, 5%, 20%", FaultSweepScenario.RunAsync),
    ("rate-limit-storm", "2. 429 storm: server limit far below the client budget", RateLimitStormScenario.RunAsync),
    ("token-revocation", "3. Access tokens revoked mid-run", TokenRevocationScenario.RunAsync),
    ("kill", "4. kill -9 at random points", KillScenario.RunAsync),
    ("two-at-once", "5. Two syncs started at once", ConcurrentSyncScenario.RunAsync),
    ("read-only", "6. Database made read-only mid-run", ReadOnlyDatabaseScenario.RunAsync),
    ("two-homes-postgres", "7. Two syncs with different homes against one PostgreSQL database", PostgresConcurrentSyncScenario.RunAsync),
};
var unknown = only?.Where(id => all.All(s => s.Id != id)).ToList() ?? [];
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", all.Select(s => s.Id))}.");
    return 2;
}

var generatedAt = DateTime.UtcNow;
var total = Stopwatch.StartNew();
var reports = new List<ScenarioReport>();
foreach (var (id, title, run) in all.Where(s => only is null || only.Contains(s.Id)))
{
    Console.WriteLine($"== {title}");
    var report = new ScenarioReport(id, title);
    var clock = Stopwatch.StartNew();
    try
    {
        await run(report);
    }
#pragma warning disable CA1031 // A scenario that throws is reported as failed, and the others still run.
    catch (Exception exception)
#pragma warning restore CA1031
    {
        report.Crash = $"{exception.GetType().Name}: {exception.Message}";
        Console.WriteLine(exception);
    }

    report.Duration = clock.Elapsed;
    reports.Add(report);
    foreach (var check in report.Checks)
    {
        Console.WriteLine($"   {(check.Ok ? "ok  " : "FAIL")} {check.Name}: {check.Passed} passed, {check.Failed} failed");
    }

    Console.WriteLine($"   {(report.Passed ? "passed" : "FAILED")} in {report.Duration.TotalSeconds:0} s");
}

if (reportPath is not null)
{
    ChaosReportWriter.WriteSection(reportPath, ChaosReportWriter.Markdown(reports, generatedAt, total.Elapsed));
    Console.WriteLine($"Report section written to {reportPath}");
}

if (jsonPath is not null)
{
    ChaosReportWriter.WriteJson(jsonPath, ChaosReportWriter.Json(reports, generatedAt, total.Elapsed));
    Console.WriteLine($"Counts written to {jsonPath}");
}

var failed = reports.Count(r => !r.Passed);
Console.WriteLine(failed == 0 ? $"Chaos: all {reports.Count} scenarios passed in {total.Elapsed.TotalMinutes:0.0} min." : $"Chaos: {failed} of {reports.Count} scenarios FAILED.");
return failed == 0 ? 0 : 1;
