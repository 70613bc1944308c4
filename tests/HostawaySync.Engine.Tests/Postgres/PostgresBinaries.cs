namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>Finds the folder holding initdb and pg_ctl: the newest Debian /usr/lib/postgresql/N/bin, else PATH.</summary>
internal static class PostgresBinaries
{
    public static string? Find()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Folder)
            : [];
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return debian.Concat(path).FirstOrDefault(Holds);
    }

    private static bool Holds(string folder) => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));
}
