namespace HostawaySync.Engine.Queries;

/// <summary>A stored message: its metadata, and its text when asked for (read from the conversation file).</summary>
public sealed class MessageRecord
{
    /// <summary>Message id (negative for messages indexed from files of earlier tools).</summary>
    public long MessageId { get; init; }

    /// <summary>Conversation.</summary>
    public long? ConversationId { get; init; }

    /// <summary>Reservation.</summary>
    public long? ReservationId { get; init; }

    /// <summary>Listing.</summary>
    public long? ListingId { get; init; }

    /// <summary>guest or host.</summary>
    public string Direction { get; init; } = string.Empty;

    /// <summary>When it was sent (UTC).</summary>
    public DateTime? SentAt { get; init; }

    /// <summary>email, channel, sms, whatsapp.</summary>
    public string? CommunicationType { get; init; }

    /// <summary>sent, awaiting, failed, ...</summary>
    public string? Status { get; init; }

    /// <summary>Characters of text.</summary>
    public int BodyLength { get; init; }

    /// <summary>The conversation file, relative to the conversations folder.</summary>
    public string? FilePath { get; init; }

    /// <summary>0-based position of the message in its file.</summary>
    public int? FilePosition { get; init; }

    /// <summary>The text, when asked for; null when it was not asked for or the file no longer has it.</summary>
    public string? Text { get; set; }
}
