namespace HostawaySync.Engine.Conversations;

/// <summary>Where a written message ended up in its file.</summary>
/// <param name="Position">0-based ordinal of the message in the file (chronological order).</param>
/// <param name="LineNumber">1-based line of the message's separator line.</param>
/// <param name="MessageId">The message id, if it has one.</param>
/// <param name="InputIndex">Index of the message in the list the caller passed in.</param>
public sealed record ConversationMessagePosition(int Position, int LineNumber, long? MessageId, int InputIndex);
