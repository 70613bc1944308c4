using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace HostawaySync.Infrastructure;

/// <summary>
/// The private AssemblyLoadContext that holds the engine and its dependencies (Microsoft.Data.Sqlite,
/// SQLitePCLRaw, Dapper, Polly, Npgsql with Microsoft.Extensions.Logging.Abstractions and
/// System.Diagnostics.DiagnosticSource) from the module's <c>deps/</c> folder: every assembly the engine's
/// deps.json lists loads here, whatever the default context already holds. Other modules may load other
/// versions of those assemblies into the default context; they never meet ours. Native SQLite is resolved
/// through the engine's deps.json for the running platform, so one module folder serves every platform.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    public const string EngineAssemblyName = "HostawaySync.Engine";

    private static readonly Lazy<EngineLoadContext> Shared = new(() => new EngineLoadContext(DefaultDepsFolder()));

    private readonly string _depsFolder;
    private readonly AssemblyDependencyResolver _resolver;
    private readonly ConcurrentDictionary<string, IntPtr> _nativeHandles = new(StringComparer.Ordinal);

    private EngineLoadContext(string depsFolder)
        : base("HostawaySync.Engine", isCollectible: false)
    {
        _depsFolder = depsFolder;
        _resolver = new AssemblyDependencyResolver(Path.Combine(depsFolder, EngineAssemblyName + ".dll"));
    }

    /// <summary>The one context of this module (an assembly can be loaded only once per process anyway).</summary>
    public static EngineLoadContext Instance => Shared.Value;

    /// <summary>Folder the engine is loaded from.</summary>
    public string DepsFolder => _depsFolder;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _nativeHandles.GetOrAdd(unmanagedDllName, name =>
        {
            var path = _resolver.ResolveUnmanagedDllToPath(name) ?? FindNativeByPlatform(name);
            return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
        });

    /// <summary>
    /// Fallback when the runtime's RID is not one deps.json knows (distribution-built .NET reports e.g.
    /// <c>ubuntu.24.04-x64</c>): derive the portable RID from the OS and the process architecture.
    /// </summary>
    private string? FindNativeByPlatform(string name)
    {
        string os;
        string prefix;
        string extension;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            (os, prefix, extension) = ("win", string.Empty, ".dll");
        }
        else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            (os, prefix, extension) = ("osx", "lib", ".dylib");
        }
        else
        {
            (os, prefix, extension) = ("linux", "lib", ".so");
        }

        var architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var fileName = name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name : prefix + name + extension;
        var candidate = Path.Combine(_depsFolder, "runtimes", $"{os}-{architecture}", "native", fileName);
        return File.Exists(candidate) ? candidate : null;
    }

    private static string DefaultDepsFolder()
    {
        var moduleFolder = Path.GetDirectoryName(typeof(EngineLoadContext).Assembly.Location)
            ?? throw new InvalidOperationException("The HostawaySync module folder cannot be determined.");
        return Path.Combine(moduleFolder, "deps");
    }
}
