namespace HostawaySync.Engine.Export;

/// <summary>One conversation read for export: its messages with their text, or why they could not be read.</summary>
/// <param name="Label">How warnings name it ("conversation 1406", or its file for files no conversation owns).</param>
/// <param name="Info">What the store knows about it (empty unless metadata or names were asked for).</param>
/// <param name="Messages">Its matching messages with their text; empty when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why its text could not be read, or null.</param>
internal sealed record SourceConversation(string Label, ConversationInfo Info, IReadOnlyList<ExportMessage> Messages, string? Problem);
