using System.Management.Automation;

namespace HostawaySync.Output;

/// <summary>What Get-HostawayConversation returns: a stored conversation, with flat, CSV-friendly columns.</summary>
public sealed class HostawayConversation : IStoredObject
{
    /// <inheritdoc />
    [Hidden]
    public string? DatabasePath { get; set; }

    /// <inheritdoc />
    [Hidden]
    public string? DatabaseUrl { get; set; }

    /// <summary>Conversation id.</summary>
    public long ConversationId { get; init; }

    /// <summary>Reservation.</summary>
    public long? ReservationId { get; init; }

    /// <summary>Listing.</summary>
    public long? ListingId { get; init; }

    /// <summary>Guest.</summary>
    public long? GuestId { get; init; }

    /// <summary>Guest name.</summary>
    public string? RecipientName { get; init; }

    /// <summary>host-guest-email, host-guest-native, ...</summary>
    public string? Type { get; init; }

    /// <summary>Messages stored.</summary>
    public int MessageCount { get; init; }

    /// <summary>Last message from the host (UTC).</summary>
    public DateTime? MessageSentOn { get; init; }

    /// <summary>Last message from the guest (UTC).</summary>
    public DateTime? MessageReceivedOn { get; init; }

    /// <summary>The conversation file, relative to the conversations folder.</summary>
    public string? FilePath { get; init; }

    /// <summary>When the API stopped listing it (UTC), or null.</summary>
    public DateTime? DeletedAt { get; init; }

    internal static HostawayConversation From(HostawaySync.Engine.Queries.ConversationRecord record) => new()
    {
        ConversationId = record.ConversationId,
        ReservationId = record.ReservationId,
        ListingId = record.ListingId,
        GuestId = record.GuestId,
        RecipientName = record.RecipientName,
        Type = record.Type,
        MessageCount = record.MessageCount,
        MessageSentOn = record.MessageSentOn,
        MessageReceivedOn = record.MessageReceivedOn,
        FilePath = record.FilePath,
        DeletedAt = record.DeletedAt,
    };
}
