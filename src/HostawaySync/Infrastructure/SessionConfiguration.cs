using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace HostawaySync.Infrastructure;

/// <summary>
/// Values set with <c>Set-HostawayConfiguration -SessionOnly</c>, one set per runspace: like a variable, they live as
/// long as the session and are not seen by other runspaces (ForEach-Object -Parallel, other hosts in the process).
/// </summary>
internal static class SessionConfiguration
{
    private static readonly ConditionalWeakTable<Runspace, Dictionary<string, object?>> Values = new();

    /// <summary>A copy of the current runspace's session values.</summary>
    public static IReadOnlyDictionary<string, object?> Current()
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace is null || !Values.TryGetValue(runspace, out var values))
        {
            return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        }

        lock (values)
        {
            return new Dictionary<string, object?>(values, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Sets (non-null) or removes (null) session values in the current runspace.</summary>
    public static void Apply(IReadOnlyDictionary<string, object?> changes)
    {
        var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No current runspace.");
        var values = Values.GetValue(runspace, _ => new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase));
        lock (values)
        {
            foreach (var (name, value) in changes)
            {
                if (value is null)
                {
                    values.Remove(name);
                }
                else
                {
                    values[name] = value;
                }
            }
        }
    }
}
