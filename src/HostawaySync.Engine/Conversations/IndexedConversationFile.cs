namespace HostawaySync.Engine.Conversations;

/// <summary>A text file found under the conversations root, what it holds, and what its path suggests.</summary>
/// <param name="RelativePath">Path relative to the root, with <c>/</c> separators.</param>
/// <param name="FullPath">Full path.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="LastWriteTimeUtc">Last write time (UTC).</param>
/// <param name="Kind">What kind of file it is (same as <c>Result.Kind</c>).</param>
/// <param name="Result">The parse result (messages, header and problems).</param>
/// <param name="PathListingName">Listing name suggested by the folder (<c>Beach House</c> for <c>Beach House (40160)</c>, else the folder name); null at the root.</param>
/// <param name="PathListingId">Listing id from a <c>Name (id)</c> folder.</param>
/// <param name="PathGuestName">Guest name from a <c>{guest}_{date}_conversation.txt</c> file name (as stored: made safe, perhaps shortened).</param>
/// <param name="PathDate">Date from the file name (null for <c>undated</c>).</param>
/// <param name="PathConversationId">Conversation id from a <c>{guest}_{date}_{conversationId}_conversation.txt</c> file name.</param>
public sealed record IndexedConversationFile(
    string RelativePath,
    string FullPath,
    long Length,
    DateTime LastWriteTimeUtc,
    ConversationFileKind Kind,
    ConversationParseResult Result,
    string? PathListingName,
    long? PathListingId,
    string? PathGuestName,
    DateOnly? PathDate,
    long? PathConversationId);
