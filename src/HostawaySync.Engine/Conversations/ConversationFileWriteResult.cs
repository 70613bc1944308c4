namespace HostawaySync.Engine.Conversations;

/// <summary>What <see cref="ConversationFolder.WriteAsync"/> wrote.</summary>
/// <param name="RelativePath">The file's path relative to the conversations root, with <c>/</c> separators.</param>
/// <param name="FullPath">The file's full path.</param>
/// <param name="BytesWritten">Size of the file in bytes.</param>
/// <param name="Messages">Where each message went, in file order.</param>
/// <param name="Sha256">SHA-256 of the bytes written (hex); empty when not computed.</param>
public sealed record ConversationFileWriteResult(
    string RelativePath,
    string FullPath,
    long BytesWritten,
    IReadOnlyList<ConversationMessagePosition> Messages,
    string Sha256 = "");
