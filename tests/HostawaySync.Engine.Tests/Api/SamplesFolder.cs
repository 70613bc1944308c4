namespace HostawaySync.Engine.Tests.Api;

/// <summary>
/// The official Hostaway samples live beside the repository (../shared/hostaway-api/samples) and are never
/// copied into it. HOSTAWAY_SAMPLES_PATH overrides the location.
/// </summary>
public static class SamplesFolder
{
    public static string? Path { get; } = Find();

    public static string File(string name) => System.IO.Path.Combine(Path ?? throw new InvalidOperationException("The samples folder is absent."), name);

    private static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("HOSTAWAY_SAMPLES_PATH");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, "HostawaySync.sln")))
            {
                var samples = System.IO.Path.Combine(folder.FullName, "..", "shared", "hostaway-api", "samples");
                return Directory.Exists(samples) ? System.IO.Path.GetFullPath(samples) : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs the official samples; reported as skipped, with the reason, when they are absent.</summary>
public sealed class SamplesFactAttribute : FactAttribute
{
    public SamplesFactAttribute()
    {
        if (SamplesFolder.Path is null)
        {
            Skip = "The official samples folder (../shared/hostaway-api/samples or HOSTAWAY_SAMPLES_PATH) is absent.";
        }
    }
}
