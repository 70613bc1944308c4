namespace HostawaySync.Output;

/// <summary>What Export-HostawayTrainingData returns: the file it wrote and what is in it; flat, CSV-friendly columns.</summary>
public sealed class HostawayTrainingDataExport
{
    /// <summary>Full path of the JSONL file.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>Conversations written, one per line.</summary>
    public int Conversations { get; init; }

    /// <summary>Messages in the conversations written.</summary>
    public long Messages { get; init; }

    /// <summary>User and assistant turns written (consecutive messages of one side form one turn; the system prompt is not counted).</summary>
    public long Turns { get; init; }

    /// <summary>Conversations with matching messages that were not written: one-sided, empty, or their file was missing or changed.</summary>
    public int SkippedConversations { get; init; }

    /// <summary>E-mail addresses replaced with [EMAIL].</summary>
    public int RedactedEmails { get; init; }

    /// <summary>Phone numbers replaced with [PHONE].</summary>
    public int RedactedPhones { get; init; }

    /// <summary>Names replaced with [NAME].</summary>
    public int RedactedNames { get; init; }

    /// <summary>Access codes (door, lockbox, gate, alarm codes, PINs, Wi-Fi passwords, the reservation's door code) replaced with [ACCESS_CODE].</summary>
    public int RedactedAccessCodes { get; init; }

    /// <summary>Size of the file.</summary>
    public long Bytes { get; init; }

    /// <summary>Wall time.</summary>
    public TimeSpan Duration { get; init; }

    internal static HostawayTrainingDataExport From(HostawaySync.Engine.Export.TrainingDataResult result) => new()
    {
        Path = result.Path,
        Conversations = result.Conversations,
        Messages = result.Messages,
        Turns = result.Turns,
        SkippedConversations = result.SkippedConversations,
        RedactedEmails = result.RedactedEmails,
        RedactedPhones = result.RedactedPhones,
        RedactedNames = result.RedactedNames,
        RedactedAccessCodes = result.RedactedAccessCodes,
        Bytes = result.Bytes,
        Duration = result.Duration,
    };
}
