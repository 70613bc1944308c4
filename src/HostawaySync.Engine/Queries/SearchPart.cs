namespace HostawaySync.Engine.Queries;

/// <summary>One word or "quoted phrase" of a simple search query: every part must match.</summary>
/// <param name="Text">The word or phrase as typed (without its quotes and trailing *).</param>
/// <param name="Prefix">Whether it ended with *: its last word matches any word that begins so.</param>
internal sealed record SearchPart(string Text, bool Prefix);
