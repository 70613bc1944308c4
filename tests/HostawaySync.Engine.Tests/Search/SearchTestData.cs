using System.Text.RegularExpressions;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Search;

/// <summary>Messages of the simulator's ground truth and the words to find them by.</summary>
public static partial class SearchTestData
{
    public sealed record TruthMessage(long ConversationId, long Id, string Body, bool IsGuest);

    public static List<TruthMessage> Messages(GroundTruth truth) =>
        truth.MessagesByConversation
            .SelectMany(pair => pair.Value.Select(m => new TruthMessage(pair.Key, (long)m["id"]!, (string?)m["body"] ?? string.Empty, (int)m["isIncoming"]! == 1)))
            .OrderBy(m => m.Id)
            .ToList();

    /// <summary>Plain ASCII words of four letters or more: tokenized the same way by FTS5 and by this regex.</summary>
    public static IEnumerable<string> Words(string body) => AsciiWord().Matches(body).Select(m => m.Value);

    /// <summary>The text from the first word through the third: a phrase the message contains.</summary>
    public static string ThreeWordPhrase(string body)
    {
        var words = AsciiWord().Matches(body);
        return body[words[0].Index..(words[2].Index + words[2].Length)];
    }

    /// <summary>The word of <paramref name="message"/> that the fewest messages contain (ties: the longer), or null.</summary>
    public static string? RarestWord(TruthMessage message, IReadOnlyDictionary<string, int> frequency) =>
        Words(message.Body).OrderBy(w => frequency[w.ToLowerInvariant()]).ThenByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>In how many messages each (lower-case) word occurs.</summary>
    public static Dictionary<string, int> Frequency(IEnumerable<TruthMessage> messages)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            foreach (var word in Words(message.Body).Select(w => w.ToLowerInvariant()).Distinct())
            {
                frequency[word] = frequency.GetValueOrDefault(word) + 1;
            }
        }

        return frequency;
    }

    /// <summary>Whether a snippet marks <paramref name="word"/> (any case) inside [brackets].</summary>
    public static bool Marks(string? snippet, string word) =>
        snippet is not null && Regex.IsMatch(snippet, @"\[[^\[\]]*\b" + Regex.Escape(word) + @"\b[^\[\]]*\]", RegexOptions.IgnoreCase);

    [GeneratedRegex(@"(?<![\p{L}\p{N}\p{M}])[A-Za-z]{4,}(?![\p{L}\p{N}\p{M}])")]
    private static partial Regex AsciiWord();
}
