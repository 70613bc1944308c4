namespace HostawaySync.Simulator.Util;

/// <summary>
/// Stable 64-bit hashing. string.GetHashCode is randomized per process, so every seed derivation goes through here
/// to keep data identical across runs and machines.
/// </summary>
internal static class StableHash
{
    /// <summary>The SplitMix64 finalizer: a cheap, well-mixed bijection of 64-bit values.</summary>
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    /// <summary>Combines values into one hash; the order of the values matters.</summary>
    public static ulong Of(long a, long b) => Mix(Mix((ulong)a) ^ (ulong)b);

    /// <summary>Combines values into one hash; the order of the values matters.</summary>
    public static ulong Of(long a, long b, long c) => Mix(Of(a, b) ^ (ulong)c);

    /// <summary>Combines values into one hash; the order of the values matters.</summary>
    public static ulong Of(long a, long b, long c, long d) => Mix(Of(a, b, c) ^ (ulong)d);

    /// <summary>FNV-1a over the UTF-16 code units, then mixed.</summary>
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return Mix(hash);
    }

    /// <summary>A uniform double in [0, 1) taken from the top 53 bits of a hash.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));
}
