using System.Text.Json;
using HostawaySync.Engine.Api.Json;

namespace HostawaySync.Engine.Api.Models;

/// <summary>A conversation as the API sent it.</summary>
public sealed class HostawayConversation
{
    /// <summary>Conversation id.</summary>
    public required long Id { get; init; }

    /// <summary>Hostaway reservation id (an integer here, unlike the reservation's own <c>reservationId</c>).</summary>
    public long? ReservationId { get; init; }

    /// <summary>The listing (<c>listingMapId</c>).</summary>
    public long? ListingId { get; init; }

    /// <summary>host-guest-email, host-guest-native, ...</summary>
    public string? Type { get; init; }

    /// <summary>Guest name.</summary>
    public string? RecipientName { get; init; }

    /// <summary>Guest email.</summary>
    public string? RecipientEmail { get; init; }

    /// <summary>Unread flag.</summary>
    public bool? HasUnreadMessages { get; init; }

    /// <summary>Time of the last message sent by the host (UTC).</summary>
    public DateTime? MessageSentOn { get; init; }

    /// <summary>Time of the last message received from the guest (UTC).</summary>
    public DateTime? MessageReceivedOn { get; init; }

    /// <summary>The object exactly as the API sent it.</summary>
    public required string RawJson { get; init; }

    internal static HostawayConversation FromJson(JsonElement json) => new()
    {
        Id = RowId.Read(json, "A conversation", "id"),
        ReservationId = json.Int64("reservationId"),
        ListingId = json.Int64("listingMapId"),
        Type = json.String("type"),
        RecipientName = json.String("recipientName"),
        RecipientEmail = json.String("recipientEmail"),
        HasUnreadMessages = json.Boolean("hasUnreadMessages"),
        MessageSentOn = json.Timestamp("messageSentOn"),
        MessageReceivedOn = json.Timestamp("messageReceivedOn"),
        RawJson = json.GetRawText(),
    };
}
