using System.Globalization;

namespace HostawaySync.Benchmarks;

/// <summary>One reported figure: its display text and, when it is a number, the number (for the JSON file).</summary>
public sealed record Figure(string Name, string Text, double? Value = null)
{
    public static Figure Of(string name, long value) => new(name, value.ToString("N0", CultureInfo.InvariantCulture), value);

    public static Figure Of(string name, double value, string format) => new(name, value.ToString(format, CultureInfo.InvariantCulture), value);

    public static Figure Of(string name, string text) => new(name, text);
}
