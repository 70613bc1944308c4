namespace HostawaySync.Engine.Conversations;

/// <summary>Reads a message separator: <c>=== time | direction | message id | type | status</c>.</summary>
internal static class SeparatorReader
{
    private const int FieldCount = 5;

    /// <summary>True for a first line that is one of our separators even though the format line is missing.</summary>
    public static bool LooksLikeOurs(string line)
    {
        if (!line.StartsWith(FormatText.SeparatorPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var fields = line[FormatText.SeparatorPrefix.Length..].Split('|');
        return fields.Length == FieldCount && TryDirection(fields[1], out _);
    }

    public static ConversationFileMessage Read(string line, int lineNumber, ProblemList problems)
    {
        var fields = line[FormatText.SeparatorPrefix.Length..].Split('|').Select(field => field.Trim()).ToArray();
        if (fields.Length != FieldCount)
        {
            problems.Add(lineNumber, line, fields.Length < FieldCount
                ? "The separator has fewer than 5 fields (time | direction | message id | type | status); the missing ones were left unknown."
                : "The separator has more than 5 fields; the extra ones were ignored.");
        }

        string Field(int index) => index < fields.Length ? fields[index] : FormatText.Unknown;

        DateTime? sentAt = null;
        var timeText = Field(0);
        if (timeText != FormatText.Unknown)
        {
            if (FormatText.TryParseTime(timeText, out var time))
            {
                sentAt = time;
            }
            else
            {
                problems.Add(lineNumber, line, $"The time '{timeText}' is not 'yyyy-MM-dd HH:mm:ss UTC'; it was left unknown.");
            }
        }

        if (!TryDirection(Field(1), out var direction))
        {
            problems.Add(lineNumber, line, $"The direction '{Field(1)}' is neither 'guest' nor 'host'; 'guest' was assumed.");
        }

        long? messageId = null;
        var idText = Field(2);
        if (idText != FormatText.Unknown)
        {
            var number = idText.StartsWith(FormatText.MessageWord, StringComparison.OrdinalIgnoreCase) ? idText[FormatText.MessageWord.Length..] : idText;
            if (FormatText.TryParseId(number, out var id))
            {
                messageId = id;
            }
            else
            {
                problems.Add(lineNumber, line, $"The message id '{idText}' is not 'message <number>'; it was left unknown.");
            }
        }

        return new ConversationFileMessage(messageId, sentAt, direction, Token(Field(3)), Token(Field(4)), string.Empty);
    }

    private static string? Token(string text) => text.Length == 0 || text == FormatText.Unknown ? null : text;

    private static bool TryDirection(string text, out MessageDirection direction)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals(FormatText.HostWord, StringComparison.OrdinalIgnoreCase))
        {
            direction = MessageDirection.Host;
            return true;
        }

        direction = MessageDirection.Guest;
        return trimmed.Equals(FormatText.GuestWord, StringComparison.OrdinalIgnoreCase);
    }
}
