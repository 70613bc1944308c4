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
        return text is null ? null : ParseId(name, text);
    }

    /// <summary>
    /// A list parameter as PHP clients send it: <c>name[]=a&amp;name[]=b</c>, <c>name=a&amp;name=b</c> or
    /// <c>name=a,b</c> (and mixtures); null when absent. Unlike single parameters, every value counts.
    /// </summary>
    public IReadOnlyList<string>? List(string name)
    {
        var values = query[name + "[]"].Concat(query[name])
            .SelectMany(value => (value ?? string.Empty).Split(','))
            .Select(value => value.Trim())
            .Where(value => value.Length > 0)
            .ToList();
        return values.Count == 0 ? null : values;
    }

    /// <summary>A list of positive ids (see <see cref="List"/>).</summary>
    public IReadOnlyList<long>? IdList(string name) =>
        List(name)?.Select(text => ParseId(name, text)).OfType<long>().ToList();

    /// <summary>A list of allowed values, compared exactly (see <see cref="List"/>).</summary>
    public IReadOnlyList<string>? OneOfList(string name, IReadOnlyCollection<string> allowed)
    {
        var values = List(name);
        if (values?.FirstOrDefault(value => !allowed.Contains(value)) is { } wrong)
        {
            Fail($"Invalid value for {name}: {wrong}.");
        }

        return values;
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

    private long? ParseId(string name, string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        Fail($"Invalid value for {name}: must be a positive integer.");
        return null;
    }

    private void Fail(string message) => Error ??= message;
}
