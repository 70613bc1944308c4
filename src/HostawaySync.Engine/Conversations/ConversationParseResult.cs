namespace HostawaySync.Engine.Conversations;

/// <summary>Everything read from one conversation file.</summary>
/// <param name="Kind">What kind of file it is.</param>
/// <param name="FormatVersion">The HostawaySync format version the file declares; null for other kinds or when missing.</param>
/// <param name="Header">What the file itself says about the conversation (nothing is taken from the file name).</param>
/// <param name="Messages">The messages in file order.</param>
/// <param name="Problems">Lines that could not be read and guesses the parser made, in line order.</param>
public sealed record ConversationParseResult(
    ConversationFileKind Kind,
    int? FormatVersion,
    ConversationFileHeader Header,
    IReadOnlyList<ParsedConversationMessage> Messages,
    IReadOnlyList<ConversationParseProblem> Problems);
