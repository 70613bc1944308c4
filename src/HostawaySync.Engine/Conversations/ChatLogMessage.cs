namespace HostawaySync.Engine.Conversations;

/// <summary>A chat-log message being read: where it starts, who sent it, when, and its lines.</summary>
internal sealed class ChatLogMessage(int lineNumber, string? senderName, DateTime? sentAt)
{
    private readonly List<string> _lines = [];

    public int LineNumber { get; } = lineNumber;

    public string? SenderName { get; set; } = senderName;

    public DateTime? SentAt { get; set; } = sentAt;

    public bool HasDate { get; set; } = sentAt is not null;

    public void Add(string line) => _lines.Add(line);

    /// <summary>The lines joined with <c>\n</c>, without leading and trailing blank lines (spacing between messages).</summary>
    public string Body()
    {
        var start = _lines.FindIndex(line => !string.IsNullOrWhiteSpace(line));
        if (start < 0)
        {
            return string.Empty;
        }

        var end = _lines.FindLastIndex(line => !string.IsNullOrWhiteSpace(line));
        return string.Join('\n', _lines.GetRange(start, end - start + 1));
    }
}
