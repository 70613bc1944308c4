using System.Management.Automation;

namespace HostawaySync.Output;

/// <summary>What Get-HostawayMessage returns: a message's metadata and, with -IncludeText, its text; flat, CSV-friendly columns.</summary>
public sealed class HostawayMessage : IStoredObject
{
    /// <inheritdoc />
    [Hidden]
    public string? DatabasePath { get; set; }

    /// <inheritdoc />
    [Hidden]
    public string? DatabaseUrl { get; set; }

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
    public string? Text { get; init; }

    internal static HostawayMessage From(HostawaySync.Engine.Queries.MessageRecord record) => new()
    {
        MessageId = record.MessageId,
        ConversationId = record.ConversationId,
        ReservationId = record.ReservationId,
        ListingId = record.ListingId,
        Direction = record.Direction,
        SentAt = record.SentAt,
        CommunicationType = record.CommunicationType,
        Status = record.Status,
        BodyLength = record.BodyLength,
        FilePath = record.FilePath,
        FilePosition = record.FilePosition,
        Text = record.Text,
    };
}
