namespace HostawaySync.Engine.Conversations;

/// <summary>Writes format 1. Every line ends with <c>\n</c>; the line count is tracked to report where each message starts.</summary>
internal static class ConversationFormatWriter
{
    public static IReadOnlyList<ConversationMessagePosition> Write(TextWriter writer, ConversationFileHeader header, IEnumerable<ConversationFileMessage> messages)
    {
        var lineNumber = 0;
        foreach (var line in HeaderLines(ConversationFileFormat.NormalizeHeader(header)))
        {
            WriteLine(writer, line, ref lineNumber);
        }

        WriteLine(writer, string.Empty, ref lineNumber);

        var ordered = messages
            .Select((message, index) => (Message: ConversationFileFormat.NormalizeMessage(message ?? throw new ArgumentException("The message list contains null.", nameof(messages))), Index: index))
            .OrderBy(item => item.Message.SentAt is null)
            .ThenBy(item => item.Message.SentAt)
            .ThenBy(item => item.Message.MessageId is null)
            .ThenBy(item => item.Message.MessageId)
            .ToList();

        var positions = new List<ConversationMessagePosition>(ordered.Count);
        foreach (var (message, index) in ordered)
        {
            positions.Add(new ConversationMessagePosition(positions.Count, lineNumber + 1, message.MessageId, index));
            WriteLine(writer, SeparatorLine(message), ref lineNumber);
            if (message.Body.Length > 0)
            {
                foreach (var bodyLine in message.Body.Split('\n'))
                {
                    WriteLine(writer, FormatText.NeedsEscape(bodyLine) ? FormatText.Escape + bodyLine : bodyLine, ref lineNumber);
                }
            }

            WriteLine(writer, string.Empty, ref lineNumber);
        }

        return positions;
    }

    /// <summary>The header lines; a line whose values are all unknown is left out, an unknown half of a pair is <c>-</c>.</summary>
    internal static IEnumerable<string> HeaderLines(ConversationFileHeader header)
    {
        yield return $"{FormatText.FormatLinePrefix} (format {FormatText.Version})";
        if (header.ConversationId is { } conversationId)
        {
            yield return HeaderLine(FormatText.ConversationKey, FormatText.FormatId(conversationId));
        }

        if (header.ReservationId is { } reservationId)
        {
            yield return HeaderLine(FormatText.ReservationKey, FormatText.FormatId(reservationId));
        }

        if (header.ListingId is not null || header.ListingName is not null)
        {
            var id = header.ListingId is { } listingId ? FormatText.FormatId(listingId) : FormatText.Unknown;
            yield return HeaderLine(FormatText.ListingKey, header.ListingName is null ? id : id + " " + header.ListingName);
        }

        if (header.GuestName is not null)
        {
            yield return HeaderLine(FormatText.GuestKey, header.GuestName);
        }

        if (header.GuestEmail is not null)
        {
            yield return HeaderLine(FormatText.GuestEmailKey, header.GuestEmail);
        }

        if (header.Channel is not null)
        {
            yield return HeaderLine(FormatText.ChannelKey, header.Channel);
        }

        if (header.ArrivalDate is not null || header.DepartureDate is not null)
        {
            yield return HeaderLine(FormatText.StayKey, FormatText.FormatDate(header.ArrivalDate) + FormatText.StayJoiner + FormatText.FormatDate(header.DepartureDate));
        }

        if (header.DeletedAt is not null)
        {
            yield return DeletedLine(header.DeletedAt);
        }
    }

    /// <summary>The header line that marks the file of a conversation Hostaway no longer has (always the header's last).</summary>
    internal static string DeletedLine(DateTime? deletedAt) => HeaderLine(FormatText.DeletedKey, FormatText.FormatTime(deletedAt));

    internal static string SeparatorLine(ConversationFileMessage message)
    {
        var direction = message.Direction == MessageDirection.Host ? FormatText.HostWord : FormatText.GuestWord;
        var id = message.MessageId is { } messageId ? FormatText.MessageWord + " " + FormatText.FormatId(messageId) : FormatText.Unknown;
        return string.Join(" | ",
            FormatText.SeparatorPrefix + FormatText.FormatTime(message.SentAt),
            direction,
            id,
            message.CommunicationType ?? FormatText.Unknown,
            message.Status ?? FormatText.Unknown);
    }

    private static string HeaderLine(string key, string value) => "# " + key + ": " + value;

    private static void WriteLine(TextWriter writer, string line, ref int lineNumber)
    {
        writer.Write(line);
        writer.Write('\n');
        lineNumber++;
    }
}
