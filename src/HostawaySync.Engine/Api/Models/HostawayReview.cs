using System.Text.Json;
using HostawaySync.Engine.Api.Json;

namespace HostawaySync.Engine.Api.Models;

/// <summary>
/// A review as the API sent it (<c>GET /v1/reviews</c>): a guest's review of the stay, or the host's of the guest. The
/// object carries no update time, so a client finds changes only by reading it again.
/// </summary>
public sealed class HostawayReview
{
    /// <summary>Review id.</summary>
    public required long Id { get; init; }

    /// <summary>The listing (<c>listingMapId</c>).</summary>
    public long? ListingId { get; init; }

    /// <summary>Hostaway reservation id (an integer here, unlike the reservation's own <c>reservationId</c>).</summary>
    public long? ReservationId { get; init; }

    /// <summary>The channel the review came through.</summary>
    public long? ChannelId { get; init; }

    /// <summary><c>guest-to-host</c> or <c>host-to-guest</c>.</summary>
    public string? Type { get; init; }

    /// <summary>awaiting, pending, scheduled, submitted, published or expired.</summary>
    public string? Status { get; init; }

    /// <summary>Overall rating, 0 to 10, or null (the docs' table misspells it <c>raiting</c>: both are read).</summary>
    public decimal? Rating { get; init; }

    /// <summary>The public review text.</summary>
    public string? PublicReview { get; init; }

    /// <summary>Private feedback to the reviewee.</summary>
    public string? PrivateFeedback { get; init; }

    /// <summary>The reviewee's (for a guest review, the host's) public response.</summary>
    public string? RevieweeResponse { get; init; }

    /// <summary>Whether the reviewer recommends the reviewee.</summary>
    public bool? IsRevieweeRecommended { get; init; }

    /// <summary>Whether the review was cancelled.</summary>
    public bool? IsCancelled { get; init; }

    /// <summary>When a scheduled (automatic) review is to be sent (UTC).</summary>
    public DateTime? ScheduledAt { get; init; }

    /// <summary>The stay's arrival (a timestamp in the sample, although the docs type it a date).</summary>
    public DateTime? ArrivalAt { get; init; }

    /// <summary>The stay's departure.</summary>
    public DateTime? DepartureAt { get; init; }

    /// <summary>The channel's id of the review.</summary>
    public string? ExternalReviewId { get; init; }

    /// <summary>The channel's id of the reservation.</summary>
    public string? ExternalReservationId { get; init; }

    /// <summary>Listing name as the review names it.</summary>
    public string? ListingName { get; init; }

    /// <summary>Guest name as the review names it.</summary>
    public string? GuestName { get; init; }

    /// <summary>The category ratings (<c>reviewCategory</c>), in the order sent; one per category.</summary>
    public IReadOnlyList<HostawayReviewCategory> Categories { get; init; } = [];

    /// <summary>The object exactly as the API sent it.</summary>
    public required string RawJson { get; init; }

    internal static HostawayReview FromJson(JsonElement json)
    {
        var id = RowId.Read(json, "A review", "id");
        return new()
        {
            Id = id,
            ListingId = json.Int64("listingMapId"),
            ReservationId = json.Int64("reservationId"),
            ChannelId = json.Int64("channelId"),
            Type = json.String("type"),
            Status = json.String("status"),
            Rating = json.Decimal("rating") ?? json.Decimal("raiting"),
            PublicReview = json.String("publicReview"),
            PrivateFeedback = json.String("privateFeedback"),
            RevieweeResponse = json.String("revieweeResponse"),
            IsRevieweeRecommended = json.Boolean("isRevieweeRecommended"),
            IsCancelled = json.Boolean("isCancelled"),
            ScheduledAt = json.Timestamp("scheduledDateTime"),
            ArrivalAt = json.Timestamp("arrivalDate"),
            DepartureAt = json.Timestamp("departureDate"),
            ExternalReviewId = json.String("externalReviewId"),
            ExternalReservationId = json.String("externalReservationId"),
            ListingName = json.String("listingName"),
            GuestName = json.String("guestName"),
            Categories = HostawayReviewCategory.ListFrom(json),
            RawJson = json.GetRawText(),
        };
    }
}
