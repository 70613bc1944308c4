namespace HostawaySync.Benchmarks;

/// <summary>
/// One scenario's figures (ratios and counts measured in one run) and whether its target was met
/// (<see cref="Met"/> is null when the issue sets no target).
/// </summary>
public sealed record BenchmarkResult(string Scenario, IReadOnlyList<Figure> Figures, string Target, bool? Met)
{
    /// <summary>The report's section title.</summary>
    public string Title { get; init; } = Scenario;

    /// <summary>The figure the report's summary shows (defaults to the last figure).</summary>
    public string? Headline { get; init; }

    /// <summary>What the scenario does, in a sentence or two, for the report.</summary>
    public string? Method { get; init; }

    /// <summary>Figures by case, shown after <see cref="BenchmarkResult.Figures"/>, or null.</summary>
    public ResultTable? Table { get; init; }

    /// <summary>For a missed target: why, and what would close the gap. Otherwise any remark worth reading.</summary>
    public string? Note { get; init; }
}
