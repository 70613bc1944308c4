using System.Globalization;
using System.Text.Json;

namespace HostawaySync.Engine.Api.Json;

/// <summary>
/// Reads Hostaway's loosely typed JSON: numbers that arrive as strings, booleans as 0/1, naive UTC
/// timestamps (<c>YYYY-MM-DD HH:MM:SS</c>), nulls everywhere. Missing, null, empty or unreadable values
/// become null; only the caller decides which fields are required.
/// </summary>
internal static class TolerantJson
{
    private static readonly string[] TimestampFormats =
        ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public static long? Int64(this JsonElement element, string name)
    {
        if (element.Property(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.Number when value.TryGetDouble(out var real) && real == Math.Floor(real) && Math.Abs(real) < 9e15 => (long)real,
            JsonValueKind.String when long.TryParse(LenientString.Get(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonValueKind.String when decimal.TryParse(LenientString.Get(value), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)
                && parsed == decimal.Truncate(parsed) && parsed is >= long.MinValue and <= long.MaxValue => (long)parsed,
            // true/false are not read as 1/0: the API sends flags as numbers, never numbers as flags, and "id": true names nothing.
            _ => null,
        };
    }

    public static int? Int32(this JsonElement element, string name) =>
        element.Int64(name) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    public static decimal? Decimal(this JsonElement element, string name)
    {
        if (element.Property(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(LenientString.Get(value), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    public static double? Double(this JsonElement element, string name)
    {
        if (element.Property(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number) => number,
            // "NaN" and "Infinity" parse, but no coordinate or bathroom count is either.
            JsonValueKind.String when double.TryParse(LenientString.Get(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
            _ => null,
        };
    }

    public static bool? Boolean(this JsonElement element, string name)
    {
        if (element.Property(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt64(out var number) => number != 0,
            JsonValueKind.String => LenientString.Get(value).Trim().ToUpperInvariant() switch
            {
                "1" or "TRUE" or "YES" => true,
                "0" or "FALSE" or "NO" => false,
                _ => null,
            },
            _ => null,
        };
    }

    /// <summary>Strings as sent; numbers and booleans as their JSON text (ids sometimes arrive as numbers).</summary>
    public static string? String(this JsonElement element, string name)
    {
        if (element.Property(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => LenientString.Get(value),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>A non-empty, trimmed string, or null.</summary>
    public static string? NonEmpty(this JsonElement element, string name) =>
        element.String(name) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>A timestamp as UTC. The API's naive timestamps are UTC; explicit offsets are honoured.</summary>
    public static DateTime? Timestamp(this JsonElement element, string name) => ParseTimestamp(element.String(name));

    /// <summary>A calendar date (a timestamp's date part is accepted).</summary>
    public static DateOnly? Date(this JsonElement element, string name)
    {
        var text = element.String(name)?.Trim();
        if (string.IsNullOrEmpty(text) || text.StartsWith("0000", StringComparison.Ordinal))
        {
            return null;
        }

        return text.Length >= 10 && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    public static DateTime? ParseTimestamp(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.StartsWith("0000", StringComparison.Ordinal))
        {
            return null;
        }

        if (DateTime.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var naive))
        {
            return DateTime.SpecifyKind(naive, DateTimeKind.Utc);
        }

        // Only ISO shapes (a Z, an offset, more fraction digits) reach the general parser, which would also read
        // "5/6/2026" or "May 5" and guess.
        return IsIsoDate(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset)
            ? withOffset.UtcDateTime
            : null;
    }

    private static bool IsIsoDate(string text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
        && text[4] == '-' && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6]) && text[7] == '-' && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9]);

    /// <summary>The elements of an array property (empty when missing, null or not an array).</summary>
    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
}
