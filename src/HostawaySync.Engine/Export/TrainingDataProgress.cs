namespace HostawaySync.Engine.Export;

/// <summary>How far an export is, reported after each conversation.</summary>
/// <param name="ConversationsRead">Conversations read so far, written or skipped.</param>
/// <param name="ConversationsTotal">Conversations with matching messages.</param>
/// <param name="ConversationsWritten">Conversations written so far.</param>
public readonly record struct TrainingDataProgress(int ConversationsRead, int ConversationsTotal, int ConversationsWritten);
