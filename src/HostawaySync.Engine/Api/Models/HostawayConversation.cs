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

    /// <summary>Id of the latest message the list entry embeds (<c>conversationMessages[0]</c>), or null.</summary>
    public long? LatestMessageId { get; init; }

    /// <summary>The object exactly as the API sent it.</summary>
    public required string RawJson { get; init; }

    /// <summary>
    /// What in the list entry moves when the conversation's messages change: the last sent and received times (one-second
    /// resolution) and the latest message's id (which tells two messages of the same second apart). A reconcile fetches
    /// the messages of a conversation whose mark differs from the one it had when its messages were stored.
    /// </summary>
    internal string ChangeMark => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"{MessageSentOn:yyyy-MM-dd HH:mm:ss}|{MessageReceivedOn:yyyy-MM-dd HH:mm:ss}|{LatestMessageId}");

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
        LatestMessageId = json.Property("conversationMessages") is { ValueKind: JsonValueKind.Array } latest && latest.GetArrayLength() > 0
            && latest[0].ValueKind == JsonValueKind.Object ? latest[0].Int64("id") : null,
        RawJson = json.GetRawText(),
    };
}
