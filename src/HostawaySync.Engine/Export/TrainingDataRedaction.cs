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

    /// <summary>
    /// Door, gate, lockbox, key-safe, alarm and other access codes, PINs and Wi-Fi passwords, and the reservation's own
    /// door code wherever it stands as a word, become <c>[ACCESS_CODE]</c>.
    /// </summary>
    AccessCode = 8,

    /// <summary>E-mail addresses, phone numbers, names and access codes.</summary>
    All = Email | Phone | Name | AccessCode,
}
