using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Conversations;

/// <summary>Builds the conversation files' user-facing errors, so each message and recommended action is written once.</summary>
internal static class ConversationErrors
{
    private const string ChooseAnotherRoot = "set -ConversationsPath (or HOSTAWAY_CONVERSATIONS_PATH) to a folder you can write to.";

    public static HostawayException OutsideRoot(string relativePath, string root, string reason, Exception? inner = null) => new(
        ErrorIds.ConversationPathOutsideRoot, ErrorKind.InvalidArgument,
        $"The conversation file path '{relativePath}' was refused because {reason}; conversation files are only written inside '{root}'.",
        "Conversation file paths must be relative paths inside the conversations folder, without '..', drive letters or links that lead elsewhere.",
        relativePath, inner);

    public static HostawayException RootInvalid(string root, Exception? inner) => new(
        ErrorIds.ConfigurationInvalid, ErrorKind.InvalidArgument,
        $"The conversations folder '{root}' is not a valid folder path.",
        "Pass a valid folder path to -ConversationsPath, or " + ChooseAnotherRoot, root, inner);

    public static HostawayException WriteFailed(string fullPath, string root, Exception inner) => new(
        ErrorIds.ConversationFileWriteFailed, ErrorKind.StoreNotWritable,
        $"The conversation file '{fullPath}' could not be written: {inner.Message} The previous version of the file, if any, was left as it was.",
        $"Check that '{root}' and its subfolders can be written, that no file stands where a folder is needed, and that the disk is not full; or " + ChooseAnotherRoot,
        fullPath, inner);
}
