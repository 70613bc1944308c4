using System.Text.Json.Nodes;

namespace HostawaySync.Simulator.Tests.Infrastructure;

/// <summary>Every list endpoint by a short name, resolved to a path with rows on a running simulator.</summary>
internal static class ListEndpoints
{
    /// <summary>The names, for theories over every list endpoint.</summary>
    public static TheoryData<string> All { get; } =
        ["listings", "reservations", "conversations", "conversationsOfReservation", "messages", "reviews"];

    /// <summary>The lists that carry page and totalPages.</summary>
    public static bool HasPageFields(string name) => name is "conversations" or "conversationsOfReservation" or "messages";

    /// <summary>Whether the envelope echoes limit (the reviews envelope has only count and offset).</summary>
    public static bool HasLimit(string name) => name != "reviews";

    /// <summary>The envelope's keys in ordinal order, given which optional fields it carries.</summary>
    public static List<string> EnvelopeKeys(string name, bool withCount) =>
        [.. new[] { withCount ? "count" : null, HasLimit(name) ? "limit" : null, "offset", "result", "status" }.OfType<string>()];

    /// <summary>The path: the reservation with the most conversations, the conversation with the most sent messages.</summary>
    public static string PathOf(HostawaySimulator simulator, string name) => name switch
    {
        "conversationsOfReservation" => "conversations?reservationId=" + simulator.GetGroundTruth().Conversations
            .GroupBy(c => c["reservationId"]!.GetValue<long>())
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .First().Key,
        "messages" => $"conversations/{simulator.GetCounts().SentMessagesByConversation.MaxBy(p => p.Value).Key}/messages",
        _ => name,
    };

    /// <summary>Appends a query to a path that may already have one.</summary>
    public static string With(string path, string query) => path + (path.Contains('?', StringComparison.Ordinal) ? '&' : '?') + query;

    /// <summary>The ids of a page's rows.</summary>
    public static List<long> Ids(JsonObject page) => [.. page["result"]!.AsArray().Select(r => r!["id"]!.GetValue<long>())];
}
