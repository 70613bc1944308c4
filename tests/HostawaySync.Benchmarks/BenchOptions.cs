namespace HostawaySync.Benchmarks;

/// <summary>The benchmark console's command line.</summary>
public sealed class BenchOptions
{
    public List<string> Scenarios { get; } = [];

    public List<string> Pwsh { get; } = [];

    public string? Json { get; set; }

    public string? Markdown { get; set; }

    public string? Module { get; set; }

    public string? Command { get; set; }
}
