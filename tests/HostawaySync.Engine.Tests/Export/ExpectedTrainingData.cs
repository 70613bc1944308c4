using System.Globalization;
using System.Text.Json.Nodes;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Export;

/// <summary>
/// What an export must contain, computed from the simulator's ground truth alone (not from the exporter's code):
/// sent messages by time then id, bodies with CR LF and CR as LF, whitespace-only ones left out, consecutive
/// messages of one side joined by a blank line, only conversations with a guest and a host turn.
/// </summary>
internal static class ExpectedTrainingData
{
    public sealed record Conversation(long Id, long ListingId, long ReservationId, IReadOnlyList<(string Role, string Content)> Turns, int Messages);

    public static List<Conversation> From(
        GroundTruth truth, Func<JsonObject, bool>? conversationFilter = null, DateTime? since = null, DateTime? until = null, bool includeUnsent = false)
    {
        var result = new List<Conversation>();
        foreach (var conversation in truth.Conversations.OrderBy(c => (long)c["id"]!))
        {
            var id = (long)conversation["id"]!;
            if (conversationFilter is not null && !conversationFilter(conversation))
            {
                continue;
            }

            var messages = (truth.MessagesByConversation.TryGetValue(id, out var list) ? list : [])
                .Where(m => includeUnsent || (string?)m["status"] == "sent")
                .Where(m => since is null || Date(m) >= since)
                .Where(m => until is null || Date(m) < until)
                .Select(m => (Date: Date(m), Id: (long)m["id"]!, Guest: (int)m["isIncoming"]! == 1, Body: Body(m)))
                .Where(m => !string.IsNullOrWhiteSpace(m.Body))
                .OrderBy(m => m.Date).ThenBy(m => m.Id)
                .ToList();
            var turns = new List<(string Role, string Content)>();
            foreach (var message in messages)
            {
                var role = message.Guest ? "user" : "assistant";
                if (turns.Count > 0 && turns[^1].Role == role)
                {
                    turns[^1] = (role, turns[^1].Content + "\n\n" + message.Body);
                }
                else
                {
                    turns.Add((role, message.Body));
                }
            }

            if (turns.Any(t => t.Role == "user") && turns.Any(t => t.Role == "assistant"))
            {
                result.Add(new Conversation(id, (long)conversation["listingMapId"]!, (long)conversation["reservationId"]!, turns, messages.Count));
            }
        }

        return result;
    }

    public static DateTime Date(JsonObject message) =>
        DateTime.SpecifyKind(DateTime.ParseExact((string)message["date"]!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    public static string Body(JsonObject message) =>
        ((string?)message["body"] ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>The lines of a JSONL file, each parsed (and checked to be one JSON object).</summary>
    public static List<JsonObject> ReadLines(string path)
    {
        var text = File.ReadAllText(path);
        if (text.Length == 0)
        {
            return [];
        }

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1].Split('\n').Select(line => Assert.IsType<JsonObject>(JsonNode.Parse(line))).ToList();
    }

    public static List<(string Role, string Content)> Turns(JsonObject line) =>
        line["messages"]!.AsArray().Select(m => ((string)m!["role"]!, (string)m["content"]!)).ToList();
}
