using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace HostawaySync.Infrastructure;

/// <summary>
/// Connects the cmdlets (default context) to the engine (private context). The default context cannot
/// find HostawaySync.Engine next to HostawaySync.dll, so it asks its Resolving event; this handler answers
/// for that one assembly only and leaves every other name alone (no "first loaded wins" resolver).
/// </summary>
public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Gate = new();
    private static int _imports;

    /// <summary>Called by PowerShell when the module is imported.</summary>
    public void OnImport()
    {
        lock (Gate)
        {
            if (_imports++ == 0)
            {
                AssemblyLoadContext.Default.Resolving += ResolveEngine;
            }
        }
    }

    /// <summary>Called by PowerShell when the module is removed.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (Gate)
        {
            if (_imports > 0 && --_imports == 0)
            {
                AssemblyLoadContext.Default.Resolving -= ResolveEngine;
            }
        }
    }

    private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName name) =>
        string.Equals(name.Name, EngineLoadContext.EngineAssemblyName, StringComparison.Ordinal)
            ? EngineLoadContext.Instance.LoadFromAssemblyName(name)
            : null;
}
