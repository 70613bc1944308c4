namespace HostawaySync.Engine.Conversations;

/// <summary>What kind of text file a conversation file turned out to be.</summary>
public enum ConversationFileKind
{
    /// <summary>A file in the HostawaySync conversation format (see FORMAT.md).</summary>
    HostawaySync,

    /// <summary>A chat log left by an earlier tool (one of the chat-log shapes the parser knows).</summary>
    ChatLog,

    /// <summary>No message could be recognised.</summary>
    Unknown,
}
