using System.Globalization;
using System.Text.Json;

namespace HostawaySync.Engine.Api.Json;

/// <summary>
/// The value SQLite's <c>json_extract(json, '$.name')</c> would give for a top-level property, read from a document
/// already parsed, so the store need not parse the raw JSON again. Only the plain cases are answered (a missing or
/// null property, plain text, an integer, a boolean); anything else (objects, arrays, other numbers, text with control
/// or surrogate characters, a repeated name) is left to SQLite itself.
/// </summary>
internal static class SqlJsonScalar
{
    /// <summary>The values of these properties, or null when any of them is not a plain case.</summary>
    public static object?[]? TryAll(JsonElement element, params string[] names)
    {
        var values = new object?[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            if (!TryExtract(element, names[i], out values[i]))
            {
                return null;
            }
        }

        return values;
    }

    private static bool TryExtract(JsonElement element, string name, out object? value)
    {
        value = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        JsonElement? found = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(name))
            {
                if (found is not null)
                {
                    return false;
                }

                found = property.Value;
            }
        }

        switch (found?.ValueKind)
        {
            case null or JsonValueKind.Null:
                return true;
            case JsonValueKind.True:
                value = 1L;
                return true;
            case JsonValueKind.False:
                value = 0L;
                return true;
            case JsonValueKind.String:
                if (!LenientString.TryGetStrict(found.Value, out var text))
                {
                    return false;
                }

                value = text;
                return !text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && !text.AsSpan().ContainsAnyInRange('\0', '\u001F');
            case JsonValueKind.Number:
                var raw = found.Value.GetRawText();
                var digits = raw.StartsWith('-') ? raw.AsSpan(1) : raw.AsSpan();
                if (digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9') && (digits.Length == 1 || digits[0] != '0')
                    && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    value = number;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }
}
