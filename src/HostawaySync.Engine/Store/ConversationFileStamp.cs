namespace HostawaySync.Engine.Store;

/// <summary>A conversation file as HostawaySync wrote it: what a reconcile compares the file on disk with.</summary>
/// <param name="Sha256">SHA-256 of the file's bytes (hex).</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="HeaderMark">The mark of the facts its header was written from (<see cref="Sync.ConversationSaver.HeaderMark"/>).</param>
internal sealed record ConversationFileStamp(string Sha256, long Bytes, string HeaderMark);
