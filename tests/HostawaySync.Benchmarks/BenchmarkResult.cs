namespace HostawaySync.Benchmarks;

/// <summary>One scenario's figures (ratios and counts measured in one run) and whether its target was met.</summary>
public sealed record BenchmarkResult(string Scenario, IReadOnlyList<KeyValuePair<string, string>> Figures, string Target, bool Met);
