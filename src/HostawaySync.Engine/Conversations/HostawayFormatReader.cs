using System.Globalization;

namespace HostawaySync.Engine.Conversations;

/// <summary>Reads HostawaySync files of any format version: what it knows is taken, everything else is reported and skipped.</summary>
internal static class HostawayFormatReader
{
    public static bool Recognizes(string firstLine) =>
        FormatLine.TryParse(firstLine, out _, out _) || SeparatorReader.LooksLikeOurs(firstLine);

    public static ConversationParseResult Read(LineSource lines, string firstLine, ProblemList problems)
    {
        var header = new HeaderReader(problems);
        int? version = null;
        var line = firstLine;
        var haveLine = true;
        if (FormatLine.TryParse(firstLine, out var parsedVersion, out var versionProblem))
        {
            version = parsedVersion;
            if (versionProblem is not null)
            {
                problems.Add(lines.LineNumber, firstLine, versionProblem);
            }

            haveLine = lines.TryRead(out line);
        }
        else
        {
            problems.Add(lines.LineNumber, firstLine, "The format line '# HostawaySync conversation (format 1)' is missing; the file was read as format 1.");
        }

        while (haveLine && !line.StartsWith(FormatText.SeparatorPrefix, StringComparison.Ordinal))
        {
            header.Add(lines.LineNumber, line);
            haveLine = lines.TryRead(out line);
        }

        var messages = new List<ParsedConversationMessage>();
        var current = (MessageBlock?)null;
        while (haveLine)
        {
            if (line.StartsWith(FormatText.SeparatorPrefix, StringComparison.Ordinal))
            {
                current?.AddTo(messages);
                current = new MessageBlock(lines.LineNumber, SeparatorReader.Read(line, lines.LineNumber, problems));
            }
            else
            {
                current!.AddBodyLine(line.StartsWith(FormatText.Escape) ? line[1..] : line);
            }

            haveLine = lines.TryRead(out line);
        }

        current?.AddTo(messages);
        return new ConversationParseResult(ConversationFileKind.HostawaySync, version, header.Header, messages, problems.ToList());
    }

    /// <summary>A message being read: its separator fields and body lines.</summary>
    private sealed class MessageBlock(int lineNumber, ConversationFileMessage metadata)
    {
        private readonly List<string> _body = [];

        public void AddBodyLine(string line) => _body.Add(line);

        public void AddTo(List<ParsedConversationMessage> messages)
        {
            // The writer ends every block with one empty line; anything before it is the body.
            if (_body.Count > 0 && _body[^1].Length == 0)
            {
                _body.RemoveAt(_body.Count - 1);
            }

            var message = metadata with { Body = string.Join('\n', _body) };
            messages.Add(new ParsedConversationMessage(message, messages.Count, lineNumber));
        }
    }

    /// <summary>The first line: <c># HostawaySync conversation (format N)</c>.</summary>
    private static class FormatLine
    {
        public static bool TryParse(string line, out int? version, out string? problem)
        {
            version = null;
            problem = null;
            var text = line.TrimStart();
            if (!text.StartsWith('#'))
            {
                return false;
            }

            text = text.TrimStart('#').Trim();
            const string Title = "HostawaySync conversation";
            if (!text.StartsWith(Title, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var rest = text[Title.Length..].Trim();
            const string Open = "(format";
            if (rest.StartsWith(Open, StringComparison.OrdinalIgnoreCase) && rest.EndsWith(')')
                && int.TryParse(rest[Open.Length..^1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                version = number;
                if (number != FormatText.Version)
                {
                    problem = string.Create(CultureInfo.InvariantCulture,
                        $"The file declares format {number}; this version of HostawaySync writes format {FormatText.Version}. What could be read was read.");
                }
            }
            else
            {
                problem = "The format line has no readable version '(format N)'; the file was read as format 1.";
            }

            return true;
        }
    }
}
