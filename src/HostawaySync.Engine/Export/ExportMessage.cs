namespace HostawaySync.Engine.Export;

/// <summary>A message as the export sees it: who wrote it, when, and its text from the conversation file.</summary>
/// <param name="MessageId">Message id (negative for messages from files of earlier tools).</param>
/// <param name="SentAt">When it was sent (UTC), or null.</param>
/// <param name="FromGuest">True when the guest wrote it.</param>
/// <param name="Text">The text.</param>
/// <param name="Position">0-based position in its conversation file.</param>
internal sealed record ExportMessage(long MessageId, DateTime? SentAt, bool FromGuest, string Text, int Position);
