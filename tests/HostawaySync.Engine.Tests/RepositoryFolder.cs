namespace HostawaySync.Engine.Tests;

/// <summary>The repository's root folder (the one holding HostawaySync.sln), found from the test assembly's folder upward.</summary>
internal static class RepositoryFolder
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HostawaySync.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds HostawaySync.sln.");
    }
}
