namespace HostawaySync.Benchmarks;

/// <summary>The PostgreSQL scenarios of issue 11, by name (Program.cs dispatches to them).</summary>
public static class PostgresScenarios
{
    public static IReadOnlyList<string> All { get; } = ["pg-sync", "pg-store-throughput", "pg-queries", "pg-copy"];

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(string scenario, BenchOptions options) => scenario switch
    {
        "pg-sync" => [await PostgresSyncBenchmarks.SqliteAndPostgresAsync(Simulator.DatasetOptions.Medium)],
        "pg-store-throughput" => [await PostgresStoreBenchmarks.ThroughputAsync()],
        "pg-queries" => [await QueryBenchmarks.PostgresAsync(
            options.Pwsh.Count > 0 ? options.Pwsh : throw new ArgumentException("The pg-queries scenario needs --pwsh <exe> (and --pwsh <arg> for each argument)."),
            options.Module ?? throw new ArgumentException("The pg-queries scenario needs --module <path of HostawaySync.psd1>."))],
        "pg-copy" => [await CopyBenchmarks.SqliteToPostgresAndBackAsync(Simulator.DatasetOptions.Medium)],
        _ => throw new ArgumentException($"Unknown scenario '{scenario}'."),
    };
}
