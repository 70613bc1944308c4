namespace HostawaySync.Engine.Export;

/// <summary>One turn of a chat: one or more consecutive messages from the same side.</summary>
/// <param name="Role">User (guest) or assistant (host).</param>
/// <param name="Content">The messages' text, joined by a blank line.</param>
/// <param name="Messages">How many messages the turn holds.</param>
internal sealed record ChatTurn(ChatRole Role, string Content, int Messages);
