using System.Text;

namespace HostawaySync.Engine.Export;

/// <summary>
/// Turns a conversation's messages into chat turns. Messages are taken in the order they were sent (ties by
/// message id, then by position in the file; messages without a time last). Empty and whitespace-only messages
/// are left out. Consecutive messages from the same side become one turn, their texts joined by a blank line,
/// because chat training formats expect user and assistant to alternate.
/// </summary>
internal static class ChatTurnBuilder
{
    /// <summary>What joins the messages of one turn.</summary>
    public const string MessageSeparator = "\n\n";

    public static IReadOnlyList<ChatTurn> Build(IEnumerable<ExportMessage> messages)
    {
        var turns = new List<ChatTurn>();
        var text = new StringBuilder();
        ChatRole? role = null;
        var count = 0;
        foreach (var message in Ordered(messages))
        {
            var next = message.FromGuest ? ChatRole.User : ChatRole.Assistant;
            if (role != next)
            {
                Flush();
                role = next;
            }
            else
            {
                text.Append(MessageSeparator);
            }

            text.Append(message.Text);
            count++;
        }

        Flush();
        return turns;

        void Flush()
        {
            if (role is { } current && count > 0)
            {
                turns.Add(new ChatTurn(current, text.ToString(), count));
            }

            text.Clear();
            count = 0;
        }
    }

    /// <summary>Whether the turns make a usable training example: at least one user and one assistant turn.</summary>
    public static bool HasBothSides(IReadOnlyList<ChatTurn> turns) =>
        turns.Any(t => t.Role == ChatRole.User) && turns.Any(t => t.Role == ChatRole.Assistant);

    /// <summary>The messages worth exporting, in sent order. OrderBy is stable, so full ties keep the file's order.</summary>
    internal static IEnumerable<ExportMessage> Ordered(IEnumerable<ExportMessage> messages) =>
        messages
            .Where(m => !string.IsNullOrWhiteSpace(m.Text))
            .OrderBy(m => m.SentAt is null)
            .ThenBy(m => m.SentAt)
            // API ids grow with time within a conversation; the negative ids of earlier tools' files do not, so those keep the file's order.
            .ThenBy(m => m.MessageId > 0 ? m.MessageId : long.MaxValue)
            .ThenBy(m => m.Position);
}
