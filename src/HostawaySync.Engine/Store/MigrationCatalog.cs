using System.Globalization;
using System.Reflection;

namespace HostawaySync.Engine.Store;

/// <summary>The SQLite schema migrations compiled into this engine, in version order.</summary>
internal static class MigrationCatalog
{
    private const string Prefix = "HostawaySync.Engine.Store.Migrations.";

    private static readonly Lazy<IReadOnlyList<Migration>> Loaded = new(() => Load(Prefix));

    public static IReadOnlyList<Migration> All => Loaded.Value;

    /// <summary>The schema version this engine writes.</summary>
    public static int LatestVersion => All[^1].Version;

    /// <summary>Reads the embedded <c>NNNN_name.sql</c> resources under <paramref name="prefix"/> (each store has its own folder).</summary>
    internal static List<Migration> Load(string prefix)
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[prefix.Length..^4];
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(fileName[..separator], NumberStyles.None, CultureInfo.InvariantCulture);
            migrations.Add(new Migration(version, fileName[(separator + 1)..], ReadResource(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Schema migrations must be numbered 1..n without gaps; found {migrations[i].Version} at position {i + 1}.");
            }
        }

        return migrations;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
