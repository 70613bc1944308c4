using System.Text.Json;
using HostawaySync.Engine.Api.Json;

namespace HostawaySync.Engine.Api.Models;

/// <summary>A conversation message as the API sent it.</summary>
public sealed class HostawayMessage
{
    /// <summary>Message id.</summary>
    public required long Id { get; init; }

    /// <summary>Conversation id.</summary>
    public required long ConversationId { get; init; }

    /// <summary>Hostaway reservation id.</summary>
    public long? ReservationId { get; init; }

    /// <summary>The listing (<c>listingMapId</c>).</summary>
    public long? ListingId { get; init; }

    /// <summary>Message text (may be multi-line or empty).</summary>
    public string? Body { get; init; }

    /// <summary>True when the guest wrote it (<c>isIncoming</c> = 1).</summary>
    public bool IsIncoming { get; init; }

    /// <summary>sent, awaiting, failed, cancelled_by_user, ...</summary>
    public string? Status { get; init; }

    /// <summary>email, channel, sms, whatsapp.</summary>
    public string? CommunicationType { get; init; }

    /// <summary>Where it came from (airbnbOfficial, Dashboard, ...; real data only).</summary>
    public string? MessageSource { get; init; }

    /// <summary>Message (or scheduled) time (UTC).</summary>
    public DateTime? Date { get; init; }

    /// <summary>When it reached the channel (UTC); the docs say <c>sentChannelDate</c>, real data <c>sentToChannelDate</c>.</summary>
    public DateTime? SentToChannelDate { get; init; }

    /// <summary>Created (UTC).</summary>
    public DateTime? InsertedOn { get; init; }

    /// <summary>Last modified (UTC).</summary>
    public DateTime? UpdatedOn { get; init; }

    /// <summary>The object exactly as the API sent it (body included).</summary>
    public required string RawJson { get; init; }

    internal static HostawayMessage FromJson(JsonElement json, long conversationId) => new()
    {
        Id = RowId.Read(json, $"A message of conversation {conversationId}", "id"),
        ConversationId = json.Int64("conversationId") ?? conversationId,
        ReservationId = json.Int64("reservationId"),
        ListingId = json.Int64("listingMapId"),
        Body = json.String("body"),
        IsIncoming = json.Boolean("isIncoming") ?? false,
        Status = json.String("status"),
        CommunicationType = json.String("communicationType"),
        MessageSource = json.String("messageSource"),
        Date = json.Timestamp("date") ?? json.Timestamp("insertedOn"),
        SentToChannelDate = json.Timestamp("sentToChannelDate") ?? json.Timestamp("sentChannelDate"),
        InsertedOn = json.Timestamp("insertedOn"),
        UpdatedOn = json.Timestamp("updatedOn"),
        RawJson = json.GetRawText(),
    };
}
