using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace HostawaySync.Tests;

public sealed class ModuleLoadingTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "hostawaysync-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    [Fact]
    public void The_engine_and_its_dependencies_load_in_the_private_context_from_deps()
    {
        var (output, errors) = ModuleHost.Run(
            "$null = Initialize-HostawayDatabase -DatabasePath $dbPath; " +
            "[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in 'HostawaySync.Engine', 'Microsoft.Data.Sqlite', 'Dapper', 'SQLitePCLRaw.core' }",
            new Dictionary<string, object?> { ["dbPath"] = Path.Combine(_temp, "load.db") });

        Assert.Empty(errors);
        var assemblies = output.Select(o => (System.Reflection.Assembly)o.BaseObject).ToList();
        var deps = Path.Combine(ModuleHost.ModuleFolder, "deps");
        foreach (var name in new[] { "HostawaySync.Engine", "Microsoft.Data.Sqlite", "Dapper", "SQLitePCLRaw.core" })
        {
            var assembly = Assert.Single(assemblies, a => a.GetName().Name == name);
            var context = AssemblyLoadContext.GetLoadContext(assembly);
            Assert.NotNull(context);
            Assert.NotSame(AssemblyLoadContext.Default, context);
            Assert.Equal("HostawaySync.Engine", context.Name);
            Assert.StartsWith(deps, assembly.Location, StringComparison.Ordinal);
        }
    }

    [LinuxFact("Reads /proc/self/maps, which only Linux has.")]
    public void Native_sqlite_comes_from_the_module_runtimes_folder_for_this_platform()
    {
        var (_, errors) = ModuleHost.Run(
            "$null = Initialize-HostawayDatabase -DatabasePath $dbPath",
            new Dictionary<string, object?> { ["dbPath"] = Path.Combine(_temp, "native.db") });

        Assert.Empty(errors);
        var rid = "linux-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var expected = Path.Combine(ModuleHost.ModuleFolder, "deps", "runtimes", rid, "native", "libe_sqlite3.so");
        var mapped = File.ReadAllLines("/proc/self/maps").Where(l => l.Contains("libe_sqlite3", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mapped);
        Assert.All(mapped, line => Assert.EndsWith(expected, line, StringComparison.Ordinal));
    }
}
