namespace HostawaySync.Engine.Export;

/// <summary>Roles of the chat format: the guest is the user, the host is the assistant the model learns to be.</summary>
internal enum ChatRole
{
    /// <summary>The instructions put first (<c>system</c>).</summary>
    System,

    /// <summary>The guest (<c>user</c>).</summary>
    User,

    /// <summary>The host (<c>assistant</c>).</summary>
    Assistant,
}
