using System.Text.Json;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// List envelopes exactly as real responses have them: listings and reservations carry
/// <c>status, result, count, limit, offset</c> only; conversations and messages add <c>page</c> and
/// <c>totalPages</c>. <c>limit</c> and <c>offset</c> echo the request and are null when not sent.
/// </summary>
internal static class Envelope
{
    /// <summary>A listings/reservations envelope.</summary>
    public static ApiResponse Plain<T>(IReadOnlyList<T> rows, int count, PageRequest page, Action<Utf8JsonWriter, T> writeItem) =>
        ApiResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "success");
            WriteResult(w, rows, writeItem);
            w.WriteNumber("count", count);
            WriteEcho(w, page);
            w.WriteEndObject();
        });

    /// <summary>A conversations/messages envelope with page and totalPages.</summary>
    public static ApiResponse Paged<T>(IReadOnlyList<T> rows, int count, PageRequest page, Action<Utf8JsonWriter, T> writeItem) =>
        ApiResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "success");
            WriteResult(w, rows, writeItem);
            WriteEcho(w, page);
            w.WriteNumber("count", count);
            w.WriteNumber("page", page.Page);
            w.WriteNumber("totalPages", page.TotalPages(count));
            w.WriteEndObject();
        });

    /// <summary><c>{"status":"success","result":[...]}</c> without paging fields.</summary>
    public static ApiResponse Bare<T>(IReadOnlyList<T> rows, Action<Utf8JsonWriter, T> writeItem) =>
        ApiResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "success");
            WriteResult(w, rows, writeItem);
            w.WriteEndObject();
        });

    private static void WriteResult<T>(Utf8JsonWriter w, IReadOnlyList<T> rows, Action<Utf8JsonWriter, T> writeItem)
    {
        w.WriteStartArray("result");
        foreach (var row in rows)
        {
            writeItem(w, row);
        }

        w.WriteEndArray();
    }

    private static void WriteEcho(Utf8JsonWriter w, PageRequest page)
    {
        if (page.LimitEcho is { } limit)
        {
            w.WriteNumber("limit", limit);
        }
        else
        {
            w.WriteNull("limit");
        }

        if (page.OffsetEcho is { } offset)
        {
            w.WriteNumber("offset", offset);
        }
        else
        {
            w.WriteNull("offset");
        }
    }
}
