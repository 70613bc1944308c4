using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Conversations;

/// <summary>
/// Reads message text back from conversation files for the store's readers: the database keeps where a message sits
/// (file and position), the file keeps its text.
/// </summary>
internal static class MessageTextReader
{
    /// <summary>A file's messages; null when the file is missing, lies outside the root, or cannot be read at all.</summary>
    /// <param name="paths">The conversations root.</param>
    /// <param name="relativePath">The file, as the database stores it.</param>
    /// <param name="problem">Why there are no messages, when the result is null.</param>
    public static IReadOnlyList<ParsedConversationMessage>? Read(ConversationPaths paths, string relativePath, out string? problem)
    {
        string fullPath;
        try
        {
            fullPath = paths.FullPath(relativePath);
        }
        catch (HostawayException exception)
        {
            problem = exception.Message;
            return null;
        }

        if (!File.Exists(fullPath))
        {
            problem = "the file does not exist";
            return null;
        }

        // Synchronous on purpose: readers stream on the caller's thread, one file at a time.
        var result = ConversationFileConventions.ParseFile(fullPath, relativePath);
        if (result.Messages.Count == 0 && result.Kind == ConversationFileKind.Unknown && result.Problems.Count > 0)
        {
            problem = result.Problems[0].Reason;
            return null;
        }

        problem = null;
        return result.Messages;
    }

    /// <summary>The text of a stored message: the message at its position in the file, if it is the same message.</summary>
    public static string? TextOf(IReadOnlyList<ParsedConversationMessage> messages, long messageId, int? position) =>
        position is { } p && p >= 0 && p < messages.Count && (messages[p].Message.MessageId is null || messages[p].Message.MessageId == messageId)
            ? messages[p].Message.Body
            : null;
}
