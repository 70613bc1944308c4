using System.Text.Json;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// List envelopes exactly as real responses have them: listings and reservations carry
/// <c>status, result, count, limit, offset</c> only; conversations and messages
/// <c>status, result, limit, offset, count, page, totalPages</c>; reviews <c>status, result, count, offset</c> (the
/// documented sample). <see cref="Paging"/> decides the values and
/// which optional fields a paging variant leaves out; this class only keeps the key order.
/// </summary>
internal static class Envelope
{
    /// <summary>A listings/reservations envelope.</summary>
    public static ApiResponse Plain<T>(IReadOnlyList<T> rows, EnvelopeFields fields, Action<Utf8JsonWriter, T> writeItem) =>
        ApiResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "success");
            WriteResult(w, rows, writeItem);
            WriteOptional(w, "count", fields.Count);
            WriteEcho(w, fields);
            w.WriteEndObject();
        });

    /// <summary>A conversations/messages envelope with page and totalPages.</summary>
    public static ApiResponse Paged<T>(IReadOnlyList<T> rows, EnvelopeFields fields, Action<Utf8JsonWriter, T> writeItem) =>
        ApiResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "success");
            WriteResult(w, rows, writeItem);
            WriteEcho(w, fields);
            WriteOptional(w, "count", fields.Count);
            WriteOptional(w, "page", fields.Page);
            WriteOptional(w, "totalPages", fields.TotalPages);
            w.WriteEndObject();
        });

    /// <summary>A reviews envelope: count and offset, no limit.</summary>
    public static ApiResponse CountOffset<T>(IReadOnlyList<T> rows, EnvelopeFields fields, Action<Utf8JsonWriter, T> writeItem) =>
        ApiResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "success");
            WriteResult(w, rows, writeItem);
            WriteOptional(w, "count", fields.Count);
            WriteNullable(w, "offset", fields.Offset);
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

    private static void WriteOptional(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
    }

    private static void WriteEcho(Utf8JsonWriter w, EnvelopeFields fields)
    {
        WriteNullable(w, "limit", fields.Limit);
        WriteNullable(w, "offset", fields.Offset);
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
