using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace HostawaySync.Engine.Export;

/// <summary>
/// Writes one conversation per line in the chat fine-tuning shape
/// <c>{"messages":[{"role":"system","content":...}?,{"role":"user","content":...},...],"metadata":{...}?}</c>:
/// compact JSON, UTF-8 without BOM, each line ended by <c>\n</c>. Text is written as raw UTF-8, emoji and every
/// other non-ASCII character included (as other JSONL tools write it), so the file stays readable; only quotes,
/// backslashes and control characters are escaped (<see cref="JsonText"/>), so every line is valid JSON. Lone
/// surrogates, which have no UTF-8 form, become U+FFFD.
/// </summary>
internal sealed class TrainingLineWriter : IDisposable
{
    // Only the names and numbers go through the writer's encoder (they are ASCII); text goes through JsonText.
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _json;

    public TrainingLineWriter(Stream stream)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>Bytes written so far.</summary>
    public long Bytes { get; private set; }

    /// <summary>Writes one line.</summary>
    public void Write(string? systemPrompt, IReadOnlyList<ChatTurn> turns, ConversationInfo? metadata, DateTime? firstMessageAt, DateTime? lastMessageAt)
    {
        _buffer.Clear();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteStartArray("messages");
        if (systemPrompt is not null)
        {
            WriteMessage("system", systemPrompt);
        }

        foreach (var turn in turns)
        {
            WriteMessage(turn.Role == ChatRole.User ? "user" : "assistant", turn.Content);
        }

        _json.WriteEndArray();
        if (metadata is not null)
        {
            WriteMetadata(metadata, firstMessageAt, lastMessageAt);
        }

        _json.WriteEndObject();
        _json.Flush();
        _stream.Write(_buffer.WrittenSpan);
        _stream.WriteByte((byte)'\n');
        Bytes += _buffer.WrittenCount + 1;
    }

    public void Dispose() => _json.Dispose();

    private void WriteMessage(string role, string content)
    {
        _json.WriteStartObject();
        _json.WriteString("role", role);
        WriteText("content", content);
        _json.WriteEndObject();
    }

    // Every key is always written (null when unknown), so all lines have one shape.
    private void WriteMetadata(ConversationInfo info, DateTime? firstMessageAt, DateTime? lastMessageAt)
    {
        _json.WriteStartObject("metadata");
        Number("conversationId", info.ConversationId);
        Number("reservationId", info.ReservationId);
        Number("listingId", info.ListingId);
        Text("listingName", info.ListingName);
        Text("channel", info.Channel);
        Text("source", info.Source);
        Text("arrivalDate", info.ArrivalDate);
        Text("departureDate", info.DepartureDate);
        Text("firstMessageAt", Time(firstMessageAt));
        Text("lastMessageAt", Time(lastMessageAt));
        Number("reviewId", info.ReviewId);
        Rating("reviewRating", info.ReviewRating);
        if (info.ReviewId is null)
        {
            _json.WriteNull("reviewCategories");
        }
        else
        {
            _json.WriteStartObject("reviewCategories");
            foreach (var (category, rating) in info.ReviewCategories)
            {
                Rating(category, rating);
            }

            _json.WriteEndObject();
        }

        _json.WriteEndObject();
    }

    private void Rating(string name, decimal? value)
    {
        if (value is { } rating)
        {
            _json.WriteNumber(name, rating);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    private void Number(string name, long? value)
    {
        if (value is { } number)
        {
            _json.WriteNumber(name, number);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    private void Text(string name, string? value)
    {
        if (value is null)
        {
            _json.WriteNull(name);
        }
        else
        {
            WriteText(name, value);
        }
    }

    private void WriteText(string name, string value)
    {
        _json.WritePropertyName(name);
        _json.WriteRawValue(JsonText.Utf8(value), skipInputValidation: true);
    }

    private static string? Time(DateTime? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
