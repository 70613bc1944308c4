using System.Buffers;
using System.Text;
using System.Text.Json;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// A fully buffered response. Buffering first is what lets a truncation fault announce the real Content-Length
/// and then send only part of the body.
/// </summary>
internal sealed record ApiResponse
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    private ApiResponse(int statusCode, string contentType, ReadOnlyMemory<byte> body)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
    }

    /// <summary>HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Content-Type header value.</summary>
    public string ContentType { get; }

    /// <summary>The body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Extra headers (rate-limit headers on 429).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>A JSON response written by <paramref name="write"/>.</summary>
    public static ApiResponse Json(int statusCode, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return new ApiResponse(statusCode, "application/json", buffer.WrittenMemory);
    }

    /// <summary>An HTML response (what proxies send on 5xx).</summary>
    public static ApiResponse Html(int statusCode, string html) =>
        new(statusCode, "text/html; charset=UTF-8", Encoding.UTF8.GetBytes(html));

    /// <summary><c>{"status":"fail","result":"..."}</c>: the shape of not-found and validation errors.</summary>
    public static ApiResponse FailResult(int statusCode, string message) => Json(statusCode, w =>
    {
        w.WriteStartObject();
        w.WriteString("status", "fail");
        w.WriteString("result", message);
        w.WriteEndObject();
    });

    /// <summary><c>{"status":"fail","message":"..."}</c>: the shape of 403 and 429 bodies.</summary>
    public static ApiResponse FailMessage(int statusCode, string message) => Json(statusCode, w =>
    {
        w.WriteStartObject();
        w.WriteString("status", "fail");
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    /// <summary><c>{"status":"success","result":{...}}</c> around one object.</summary>
    public static ApiResponse Single(Action<Utf8JsonWriter> writeObject) => Json(200, w =>
    {
        w.WriteStartObject();
        w.WriteString("status", "success");
        w.WritePropertyName("result");
        writeObject(w);
        w.WriteEndObject();
    });
}
