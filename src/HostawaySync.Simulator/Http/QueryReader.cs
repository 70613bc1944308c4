using System.Globalization;
using HostawaySync.Simulator.Util;
using Microsoft.AspNetCore.Http;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// Reads query parameters strictly: a parameter that is present but malformed is an error (HTTP 400), not
/// silently ignored, so a client bug shows. Repeated parameters use the last value, as PHP does.
/// </summary>
internal sealed class QueryReader(IQueryCollection query)
{
    /// <summary>The first problem found, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>A string parameter; empty counts as absent.</summary>
    public string? String(string name)
    {
        var values = query[name];
        var value = values.Count == 0 ? null : values[^1];
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>An integer parameter of at least <paramref name="min"/>.</summary>
    public int? Int(string name, int min)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        Fail($"Invalid value for {name}: must be an integer of at least {min}.");
        return null;
    }

    /// <summary>A positive id parameter.</summary>
    public long? Id(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        Fail($"Invalid value for {name}: must be a positive integer.");
        return null;
    }

    /// <summary>A <c>YYYY-MM-DD</c> date parameter.</summary>
    public DateOnly? Date(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (Timestamps.TryParseDate(text, out var value))
        {
            return value;
        }

        Fail($"Invalid value for {name}: expected YYYY-MM-DD.");
        return null;
    }

    /// <summary>A 0/1 flag: only the literal "1" turns it on (the API's booleans are 0/1, not true/false).</summary>
    public bool Flag(string name) => String(name) == "1";

    /// <summary>One of the allowed values, compared exactly.</summary>
    public string? OneOf(string name, IReadOnlyCollection<string> allowed)
    {
        var text = String(name);
        if (text is null || allowed.Contains(text))
        {
            return text;
        }

        Fail($"Invalid value for {name}: {text}.");
        return null;
    }

    private void Fail(string message) => Error ??= message;
}
