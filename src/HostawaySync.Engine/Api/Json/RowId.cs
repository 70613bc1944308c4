using System.Text.Json;

namespace HostawaySync.Engine.Api.Json;

/// <summary>
/// The id of an object the API sent: the one value without which a row cannot be stored. An integer, or an integer in a
/// string, is accepted; anything else (a boolean, a fraction, text, an object) is refused with a <see cref="JsonException"/>
/// that says what was there, so the client can report that one row and carry on with the rest.
/// </summary>
internal static class RowId
{
    private const int MaxShown = 40;

    /// <summary>The id in the first of <paramref name="names"/> that holds one.</summary>
    /// <param name="json">The object.</param>
    /// <param name="what">The object as the message names it, for example "A message of conversation 12".</param>
    /// <param name="names">Property names to try, in order.</param>
    public static long Read(JsonElement json, string what, params string[] names)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"{what} is not a JSON object but {Kind(json.ValueKind)}.");
        }

        JsonElement? unreadable = null;
        foreach (var name in names)
        {
            if (TryRead(json, name, out var id))
            {
                return id;
            }

            unreadable ??= json.Property(name);
        }

        throw unreadable is { } value
            ? new JsonException($"{what} has an unreadable id {Shown(value)}.")
            : new JsonException($"{what} has no id.");
    }

    /// <summary>Whether <paramref name="json"/> is an object with a usable id in <paramref name="name"/>.</summary>
    public static bool IsReadable(JsonElement json, string name) => TryRead(json, name, out _);

    private static bool TryRead(JsonElement json, string name, out long id)
    {
        var value = json.Int64(name);
        id = value.GetValueOrDefault();
        return value is not null;
    }

    private static string Shown(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= MaxShown ? raw : raw[..MaxShown] + "…";
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "nothing",
    };
}
