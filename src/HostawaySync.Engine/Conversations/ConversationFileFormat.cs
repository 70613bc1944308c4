using System.Text;

namespace HostawaySync.Engine.Conversations;

/// <summary>
/// The HostawaySync conversation file format (version 1, described in FORMAT.md): a writer, and a tolerant
/// parser that also reads chat logs of earlier tools. Files are UTF-8 without BOM with LF line endings.
/// </summary>
public static class ConversationFileFormat
{
    /// <summary>The format version this engine writes.</summary>
    public const int CurrentVersion = FormatText.Version;

    /// <summary>
    /// Writes a conversation: the header, then the messages in chronological order (time, then message id;
    /// unknown times and ids last; ties keep the caller's order). Writes <c>\n</c> line endings whatever
    /// <see cref="TextWriter.NewLine"/> says. Returns where each message went, in file order.
    /// </summary>
    public static IReadOnlyList<ConversationMessagePosition> Write(TextWriter writer, ConversationFileHeader header, IEnumerable<ConversationFileMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(messages);
        return ConversationFormatWriter.Write(writer, header, messages);
    }

    /// <summary>
    /// Reads a conversation file of any kind. Never throws for bad content: what it cannot read is reported in
    /// <see cref="ConversationParseResult.Problems"/> and skipped.
    /// </summary>
    /// <param name="reader">The file's text.</param>
    /// <param name="fileNameForHints">
    /// The file's name or path relative to the conversations root. Used only to tell guest from host in other tools'
    /// chat logs (the guest name in <c>{guest}_{date}_conversation.txt</c>, the listing name in the folder).
    /// </param>
    public static ConversationParseResult Parse(TextReader reader, string? fileNameForHints = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var problems = new ProblemList();
        var lines = new LineSource(reader, problems);
        while (lines.TryRead(out var line))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            return HostawayFormatReader.Recognizes(line)
                ? HostawayFormatReader.Read(lines, line, problems)
                : ChatLogReader.Read(lines, line, ConversationPathHints.Parse(fileNameForHints), problems);
        }

        problems.Add(0, string.Empty, "The file is empty or holds only blank lines.");
        return new ConversationParseResult(ConversationFileKind.Unknown, null, ConversationFileHeader.Empty, [], problems.ToList());
    }

    /// <summary>
    /// The text of a HostawaySync file with its <c># Deleted:</c> header line set to <paramref name="deletedAt"/> (the header's
    /// last line), or removed when null; every other line, and its line ending, as it was. Null when the text is not a
    /// HostawaySync file.
    /// </summary>
    internal static string? WithDeletedLine(string text, DateTime? deletedAt)
    {
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        if (!text.AsSpan(start).StartsWith(FormatText.FormatLinePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var result = new StringBuilder(text.Length + 40).Append(text, 0, start);
        var newline = "\n";
        var position = start;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var next = end < 0 ? text.Length : end + 1;
            var line = text.AsSpan(position, next - position).TrimEnd("\r\n");
            if (line.IsWhiteSpace())
            {
                break; // the header ends at its first empty line
            }

            if (position == start && text.AsSpan(position, next - position).EndsWith("\r\n", StringComparison.Ordinal))
            {
                newline = "\r\n";
            }

            if (!IsDeletedLine(line))
            {
                result.Append(text, position, next - position);
                if (end < 0)
                {
                    result.Append(newline);
                }
            }

            position = next;
        }

        if (deletedAt is not null)
        {
            result.Append(ConversationFormatWriter.DeletedLine(deletedAt)).Append(newline);
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    private static bool IsDeletedLine(ReadOnlySpan<char> line)
    {
        var rest = line.TrimStart().TrimStart('#').TrimStart();
        return rest.StartsWith(FormatText.DeletedKey, StringComparison.OrdinalIgnoreCase) && rest[FormatText.DeletedKey.Length..].TrimStart().StartsWith(":", StringComparison.Ordinal);
    }

    /// <summary>The header as a write and a parse give it back: values on one line (control characters as spaces), trimmed, empty as null.</summary>
    public static ConversationFileHeader NormalizeHeader(ConversationFileHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header with
        {
            ListingName = FormatText.NormalizeHeaderValue(header.ListingName),
            GuestName = FormatText.NormalizeHeaderValue(header.GuestName),
            GuestEmail = FormatText.NormalizeHeaderValue(header.GuestEmail),
            Channel = FormatText.NormalizeHeaderValue(header.Channel),
        };
    }

    /// <summary>
    /// The message as a write and a parse give it back: time in UTC, type and status on one line without
    /// <c>|</c> (<c>-</c> or empty means unknown), body with <see cref="NormalizeBody"/>.
    /// </summary>
    public static ConversationFileMessage NormalizeMessage(ConversationFileMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message with
        {
            SentAt = message.SentAt is { } sentAt ? FormatText.ToUtc(sentAt) : null,
            CommunicationType = FormatText.NormalizeToken(message.CommunicationType),
            Status = FormatText.NormalizeToken(message.Status),
            Body = NormalizeBody(message.Body),
        };
    }

    /// <summary>
    /// A body as the file keeps it: CR LF and lone CR become LF, unpaired surrogates become U+FFFD, everything
    /// else is kept. Hash this form when a hash must match between the API and the files.
    /// </summary>
    public static string NormalizeBody(string? body) => FormatText.NormalizeBody(body);
}
