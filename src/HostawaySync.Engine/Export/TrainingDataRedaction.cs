namespace HostawaySync.Engine.Export;

/// <summary>What a training-data export replaces in message text.</summary>
[Flags]
public enum TrainingDataRedaction
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>E-mail addresses become <c>[EMAIL]</c>.</summary>
    Email = 1,

    /// <summary>Phone numbers become <c>[PHONE]</c>.</summary>
    Phone = 2,

    /// <summary>Names the store knows for the conversation (guest, host, chat-log senders) become <c>[NAME]</c>.</summary>
    Name = 4,

    /// <summary>E-mail addresses, phone numbers and names.</summary>
    All = Email | Phone | Name,
}
