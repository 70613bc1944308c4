using System.Runtime.CompilerServices;
using System.Text.Json;
using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>
/// The simulator's ground truth, streamed from its control surface one object at a time (GET /_control/truth), so
/// even a 500,000-message account is compared without holding it in memory as documents.
/// </summary>
public static class GroundTruthFeed
{
    public static async IAsyncEnumerable<JsonElement> ReadAsync(HostawaySimulator simulator, string resource, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        using var response = await http.GetAsync(new Uri(simulator.ControlUrl, "truth?resource=" + resource), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken))
        {
            yield return element;
        }
    }

    /// <summary>Every message (of every status, as a sync fetches them) with what a store and a file keep of it.</summary>
    public static async Task<List<TruthMessage>> MessagesAsync(HostawaySimulator simulator)
    {
        var messages = new List<TruthMessage>();
        await foreach (var message in ReadAsync(simulator, "messages"))
        {
            messages.Add(new TruthMessage(
                message.GetProperty("conversationId").GetInt64(),
                message.GetProperty("id").GetInt64(),
                message.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String ? status.GetString() : null,
                message.GetProperty("isIncoming").GetInt32() == 1,
                message.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String ? body.GetString()! : string.Empty));
        }

        return messages;
    }

    /// <summary>Every message id with its conversation id (messages of every status, as a sync fetches them).</summary>
    public static async Task<List<(long ConversationId, long MessageId)>> MessageKeysAsync(HostawaySimulator simulator)
    {
        var keys = new List<(long, long)>();
        await foreach (var message in ReadAsync(simulator, "messages"))
        {
            keys.Add((message.GetProperty("conversationId").GetInt64(), message.GetProperty("id").GetInt64()));
        }

        return keys;
    }
}
