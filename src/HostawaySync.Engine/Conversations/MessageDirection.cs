namespace HostawaySync.Engine.Conversations;

/// <summary>Who wrote a message.</summary>
public enum MessageDirection
{
    /// <summary>The guest wrote it (the API's <c>isIncoming</c> = 1).</summary>
    Guest,

    /// <summary>The host, a manager or an automation wrote it (<c>isIncoming</c> = 0).</summary>
    Host,
}
