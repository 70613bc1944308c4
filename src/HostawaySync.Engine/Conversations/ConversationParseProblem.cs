namespace HostawaySync.Engine.Conversations;

/// <summary>Something the parser could not read, or had to guess, and what it did about it.</summary>
/// <param name="LineNumber">1-based line number; 0 for problems with the whole file.</param>
/// <param name="Line">The line (control characters shown as spaces, cut to about 200 characters).</param>
/// <param name="Reason">What was wrong and what the parser did instead.</param>
public sealed record ConversationParseProblem(int LineNumber, string Line, string Reason);
