using System.Collections.Concurrent;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// Decides faults deterministically: hash(seed, method, path and query, how often this exact request was seen).
/// A retried request therefore gets a fresh decision, and a rerun with the same seed and the same request
/// sequence sees the same faults. Occurrences are counted only while faults are enabled.
/// </summary>
internal sealed class FaultInjector(int seed)
{
    private static readonly FaultKinds[] Kinds =
        [FaultKinds.ServerError, FaultKinds.TruncatedBody, FaultKinds.Stall, FaultKinds.ConnectionReset];

    private static readonly int[] ServerErrorCodes = [500, 502, 503];

    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>Decides the fate of one request.</summary>
    public FaultDecision Decide(SimulatorSettings settings, string method, string pathAndQuery)
    {
        var enabled = Kinds.Where(k => settings.Faults.HasFlag(k)).ToArray();
        if (settings.FaultRate <= 0 || enabled.Length == 0)
        {
            return FaultDecision.None;
        }

        var key = method + " " + pathAndQuery;
        var occurrence = _seen.AddOrUpdate(key, 1, static (_, n) => n + 1);
        var hash = StableHash.Of(seed, HashTags.Fault, (long)StableHash.Of(key), occurrence);
        if (StableHash.Unit(hash) >= settings.FaultRate)
        {
            return FaultDecision.None;
        }

        var kind = enabled[(int)((hash >> 8) % (ulong)enabled.Length)];
        return new FaultDecision(kind, ServerErrorCodes[(int)((hash >> 16) % 3)]);
    }
}
