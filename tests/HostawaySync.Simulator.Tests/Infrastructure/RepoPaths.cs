namespace HostawaySync.Simulator.Tests.Infrastructure;

/// <summary>Locates the repository (the folder with HostawaySync.sln) and the shared API samples beside it.</summary>
internal static class RepoPaths
{
    public static string? RepoRoot { get; } = FindRepoRoot();

    /// <summary>The samples folder: HOSTAWAY_SAMPLES_PATH, else ../shared/hostaway-api/samples next to the repo; null when absent.</summary>
    public static string? SamplesDirectory { get; } = FindSamples();

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HostawaySync.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? FindSamples()
    {
        var overridePath = Environment.GetEnvironmentVariable("HOSTAWAY_SAMPLES_PATH");
        if (!string.IsNullOrEmpty(overridePath))
        {
            return Directory.Exists(overridePath) ? Path.GetFullPath(overridePath) : null;
        }

        if (RepoRoot is null)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "hostaway-api", "samples"));
        return Directory.Exists(path) ? path : null;
    }
}
