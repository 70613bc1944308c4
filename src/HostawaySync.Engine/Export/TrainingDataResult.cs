namespace HostawaySync.Engine.Export;

/// <summary>What a training-data export wrote.</summary>
public sealed class TrainingDataResult
{
    /// <summary>The file written.</summary>
    public required string Path { get; init; }

    /// <summary>Conversations written (lines in the file).</summary>
    public int Conversations { get; init; }

    /// <summary>Messages in the conversations written.</summary>
    public long Messages { get; init; }

    /// <summary>User and assistant turns written (consecutive messages of one side form one turn).</summary>
    public long Turns { get; init; }

    /// <summary>Conversations with matching messages that were not written: one-sided, empty, or their file was missing or did not match the database.</summary>
    public int SkippedConversations { get; init; }

    /// <summary>E-mail addresses replaced.</summary>
    public int RedactedEmails { get; init; }

    /// <summary>Phone numbers replaced.</summary>
    public int RedactedPhones { get; init; }

    /// <summary>Names replaced.</summary>
    public int RedactedNames { get; init; }

    /// <summary>Access codes (door, lockbox, gate, alarm codes, PINs, Wi-Fi passwords) replaced.</summary>
    public int RedactedAccessCodes { get; init; }

    /// <summary>Size of the file.</summary>
    public long Bytes { get; init; }

    /// <summary>Wall time.</summary>
    public TimeSpan Duration { get; init; }
}
