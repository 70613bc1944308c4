namespace HostawaySync.Engine.Conversations;

/// <summary>A message read from a conversation file, with where it was found.</summary>
/// <param name="Message">The message.</param>
/// <param name="Position">0-based ordinal of the message in the file.</param>
/// <param name="LineNumber">1-based line where the message's block starts (its separator or first line).</param>
/// <param name="SenderName">The sender's name as a chat logs of other tools wrote it; null in HostawaySync files.</param>
public sealed record ParsedConversationMessage(
    ConversationFileMessage Message,
    int Position,
    int LineNumber,
    string? SenderName = null);
