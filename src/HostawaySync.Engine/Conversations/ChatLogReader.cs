namespace HostawaySync.Engine.Conversations;

/// <summary>
/// Reads chat logs of earlier tools (see <see cref="ChatLogLineShapes"/>). Lines that do not start a message
/// continue the previous one; a From/Date block runs to its <c>---</c> line. <c>Key: value</c> lines before the
/// first message are header lines. Anything else before a message, or after a closed block, is reported.
/// </summary>
internal sealed class ChatLogReader
{
    private readonly LineSource _lines;
    private readonly ProblemList _problems;
    private readonly ChatLogSenderResolver _directions = new();
    private readonly ChatLogHeaderReader _header;
    private readonly List<ParsedConversationMessage> _messages = [];
    private readonly HashSet<string> _reportedGuesses = new(StringComparer.OrdinalIgnoreCase);
    private ChatLogMessage? _current;
    private Mode _mode = Mode.BeforeFirstMessage;

    private ChatLogReader(LineSource lines, ProblemList problems, ConversationPathHints hints)
    {
        _lines = lines;
        _problems = problems;
        _header = new ChatLogHeaderReader(_directions);
        _directions.AddGuest(hints.GuestName);
        _directions.AddHost(hints.ListingName);
    }

    private enum Mode
    {
        BeforeFirstMessage,
        LineMessage,
        BlockHeader,
        BlockBody,
        AfterBlock,
    }

    public static ConversationParseResult Read(LineSource lines, string firstLine, ConversationPathHints hints, ProblemList problems)
    {
        var reader = new ChatLogReader(lines, problems, hints);
        var line = firstLine;
        do
        {
            reader.Take(line, lines.LineNumber);
        }
        while (lines.TryRead(out line));

        reader.FinishMessage();
        var kind = reader._messages.Count > 0 ? ConversationFileKind.ChatLog : ConversationFileKind.Unknown;
        return new ConversationParseResult(kind, null, reader._header.Header, reader._messages, problems.ToList());
    }

    private void Take(string line, int lineNumber)
    {
        switch (_mode)
        {
            case Mode.BlockBody:
                TakeBlockBody(line, lineNumber);
                return;
            case Mode.BlockHeader:
                TakeBlockHeader(line, lineNumber);
                return;
        }

        if (ChatLogLineShapes.TryMessageLine(line, out var sentAt, out var name, out var text))
        {
            FinishMessage();
            _current = new ChatLogMessage(lineNumber, name, sentAt);
            _current.Add(text);
            if (sentAt is null)
            {
                _problems.Add(lineNumber, line, "The message's date or time does not exist (such as 2026-02-30 or 25:00); the time was left unknown.");
            }

            _mode = Mode.LineMessage;
        }
        else if (IsFieldOfBlock(line) && (_mode != Mode.LineMessage || OtherFieldFollows(line)))
        {
            StartBlock(line, lineNumber);
        }
        else if (_mode == Mode.LineMessage)
        {
            _current!.Add(line);
        }
        else if (string.IsNullOrWhiteSpace(line) || ChatLogLineShapes.IsBlockEnd(line))
        {
            // Blank and rule lines between messages carry nothing.
        }
        else if (_mode == Mode.BeforeFirstMessage && _header.TryAdd(line, out var problem))
        {
            if (problem is not null)
            {
                _problems.Add(lineNumber, line, problem);
            }
        }
        else
        {
            _problems.Add(lineNumber, line, _mode == Mode.BeforeFirstMessage
                ? "Not a message, a continuation or a 'Key: value' header line; it was skipped."
                : "Text after a '---' line that does not start a new message; it was skipped.");
        }
    }

    private void TakeBlockHeader(string line, int lineNumber)
    {
        if (ChatLogLineShapes.TryFrom(line, out var name))
        {
            if (_current!.SenderName is not null)
            {
                StartBlock(line, lineNumber);
                return;
            }

            _current.SenderName = name.Length == 0 ? null : name;
        }
        else if (ChatLogLineShapes.TryDate(line, out var sentAt, out var value))
        {
            if (_current!.HasDate)
            {
                StartBlock(line, lineNumber);
                return;
            }

            SetDate(sentAt, value, line, lineNumber);
        }
        else if (ChatLogLineShapes.IsBlockEnd(line))
        {
            FinishMessage();
            _mode = Mode.AfterBlock;
        }
        else if (!string.IsNullOrWhiteSpace(line))
        {
            _current!.Add(line);
            _mode = Mode.BlockBody;
        }
    }

    private void TakeBlockBody(string line, int lineNumber)
    {
        if (ChatLogLineShapes.IsBlockEnd(line))
        {
            FinishMessage();
            _mode = Mode.AfterBlock;
        }
        else if (IsFieldOfBlock(line) && OtherFieldFollows(line))
        {
            // A new From/Date pair without the '---' that should have closed this block.
            StartBlock(line, lineNumber);
        }
        else
        {
            _current!.Add(line);
        }
    }

    private void StartBlock(string line, int lineNumber)
    {
        FinishMessage();
        _current = new ChatLogMessage(lineNumber, null, null);
        _mode = Mode.BlockHeader;
        TakeBlockHeader(line, lineNumber);
    }

    private void SetDate(DateTime? sentAt, string value, string line, int lineNumber)
    {
        _current!.HasDate = true;
        _current.SentAt = sentAt;
        if (sentAt is null)
        {
            _problems.Add(lineNumber, line, $"The date '{value}' is not 'yyyy-MM-dd HH:mm:ss'; the message time was left unknown.");
        }
    }

    private static bool IsFieldOfBlock(string line) =>
        ChatLogLineShapes.TryFrom(line, out _) || ChatLogLineShapes.TryDate(line, out _, out _);

    /// <summary>A From line followed by a Date line, or the reverse: a block start even in the middle of other text.</summary>
    private bool OtherFieldFollows(string line)
    {
        if (!_lines.TryPeek(out var next))
        {
            return false;
        }

        return ChatLogLineShapes.TryFrom(line, out _)
            ? ChatLogLineShapes.TryDate(next, out _, out _)
            : ChatLogLineShapes.TryFrom(next, out _);
    }

    private void FinishMessage()
    {
        if (_current is null)
        {
            return;
        }

        var message = _current;
        _current = null;
        var (direction, guessed) = _directions.Resolve(message.SenderName);
        if (guessed && _reportedGuesses.Add(message.SenderName ?? string.Empty))
        {
            _problems.Add(message.LineNumber, string.Empty, message.SenderName is null
                ? "The message names no sender; it was taken as written by the guest (direction guessed)."
                : $"'{message.SenderName}' is neither the guest named in the file nor a host name; their messages were taken as written by the guest (direction guessed).");
        }

        var body = new ConversationFileMessage(null, message.SentAt, direction, null, null, message.Body());
        _messages.Add(new ParsedConversationMessage(body, _messages.Count, message.LineNumber, message.SenderName));
    }
}
