namespace HostawaySync.Simulator.Util;

/// <summary>
/// A small deterministic generator (SplitMix64). System.Random's algorithm is an implementation detail that may
/// change between .NET versions; this one never does, so a seed keeps meaning the same data.
/// </summary>
internal sealed class DetRandom
{
    private ulong _state;

    /// <summary>Starts a sequence from a 64-bit seed.</summary>
    public DetRandom(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, maxExclusive); 0 when maxExclusive is 0 or less.</summary>
    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A uniform integer in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>A uniform long in [0, maxExclusive).</summary>
    public long NextLong(long maxExclusive) => maxExclusive <= 0 ? 0 : (long)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => StableHash.Unit(NextUInt64());

    /// <summary>True with the given probability.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A uniformly chosen item.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A money amount with two decimals, sometimes a whole number, as real prices are.</summary>
    public double Money(double min, double max)
    {
        var value = min + (NextDouble() * (max - min));
        return Chance(0.35) ? Math.Round(value) : Math.Round(value, 2);
    }

    /// <summary>Lower-case hexadecimal text of the given length.</summary>
    public string Hex(int length)
    {
        return string.Create(length, this, static (span, rng) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = "0123456789abcdef"[rng.Next(16)];
            }
        });
    }

    /// <summary>Decimal digits of the given length, never starting with 0.</summary>
    public string Digits(int length)
    {
        return string.Create(length, this, static (span, rng) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + (i == 0 ? rng.Next(1, 10) : rng.Next(10)));
            }
        });
    }

    /// <summary>Upper-case letters and digits of the given length (confirmation-code style).</summary>
    public string Code(int length)
    {
        return string.Create(length, this, static (span, rng) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"[rng.Next(34)];
            }
        });
    }
}
