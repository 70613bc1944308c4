using System.Globalization;
using System.Management.Automation;
using HostawaySync.Engine.Queries;

namespace HostawaySync.Output;

/// <summary>
/// What Get-HostawayReview returns: a review with flat, CSV-friendly columns. Export-Csv takes its columns from the first
/// object, so every review has the same properties whatever its channel rates: one per known category (null when the
/// review's channel does not rate it) and <see cref="OtherCategoryRatings"/> for any other category, so nothing is lost.
/// </summary>
public sealed class HostawayReview : IStoredObject
{
    private static readonly HashSet<string> Known =
        ["cleanliness", "communication", "accuracy", "checkin", "location", "value", "respecthouserules", "staff", "facilities", "comfort", "valueformoney"];

    /// <inheritdoc />
    [Hidden]
    public string? DatabasePath { get; set; }

    /// <inheritdoc />
    [Hidden]
    public string? DatabaseUrl { get; set; }

    /// <summary>Hostaway review id.</summary>
    public long ReviewId { get; init; }

    /// <summary>Listing.</summary>
    public long? ListingId { get; init; }

    /// <summary>The stored listing's name, else the name the review gives.</summary>
    public string? ListingName { get; init; }

    /// <summary>Reservation.</summary>
    public long? ReservationId { get; init; }

    /// <summary>The reservation's guest (as Get-HostawayGuest shows it: a merged guest as the guest it was merged into).</summary>
    public long? GuestId { get; init; }

    /// <summary>The guest's name.</summary>
    public string? GuestName { get; init; }

    /// <summary>Channel id.</summary>
    public long? ChannelId { get; init; }

    /// <summary>The reservation's channel name.</summary>
    public string? ChannelName { get; init; }

    /// <summary>guest-to-host (the guest's review of the stay) or host-to-guest.</summary>
    public string? Type { get; init; }

    /// <summary>awaiting, pending, scheduled, submitted, published or expired.</summary>
    public string? Status { get; init; }

    /// <summary>Overall rating, 0 to 10.</summary>
    public double? Rating { get; init; }

    /// <summary>Cleanliness rating (cleanliness).</summary>
    public double? Cleanliness { get; init; }

    /// <summary>Communication rating (communication).</summary>
    public double? Communication { get; init; }

    /// <summary>Accuracy rating (accuracy).</summary>
    public double? Accuracy { get; init; }

    /// <summary>Check-in rating (checkin).</summary>
    public double? CheckIn { get; init; }

    /// <summary>Location rating (location).</summary>
    public double? Location { get; init; }

    /// <summary>Value rating (value).</summary>
    public double? Value { get; init; }

    /// <summary>Respect of the house rules, a host's rating of a guest (respect_house_rules).</summary>
    public double? RespectHouseRules { get; init; }

    /// <summary>Staff rating (staff).</summary>
    public double? Staff { get; init; }

    /// <summary>Facilities rating (facilities).</summary>
    public double? Facilities { get; init; }

    /// <summary>Comfort rating (comfort).</summary>
    public double? Comfort { get; init; }

    /// <summary>Value-for-money rating (value_for_money).</summary>
    public double? ValueForMoney { get; init; }

    /// <summary>The ratings of any other category, as <c>name=rating; name=rating</c> (by name); null when there are none.</summary>
    public string? OtherCategoryRatings { get; init; }

    /// <summary>Public review text.</summary>
    public string? PublicReview { get; init; }

    /// <summary>Private feedback to the reviewee.</summary>
    public string? PrivateFeedback { get; init; }

    /// <summary>The reviewee's public response (for a guest's review, the host's).</summary>
    public string? RevieweeResponse { get; init; }

    /// <summary>Whether the reviewer recommends the reviewee.</summary>
    public bool? IsRecommended { get; init; }

    /// <summary>Whether the review was cancelled.</summary>
    public bool? IsCancelled { get; init; }

    /// <summary>Arrival of the stay (UTC).</summary>
    public DateTime? ArrivalAt { get; init; }

    /// <summary>Departure of the stay (UTC).</summary>
    public DateTime? DepartureAt { get; init; }

    /// <summary>When a scheduled review is to be sent (UTC).</summary>
    public DateTime? ScheduledAt { get; init; }

    /// <summary>The channel's id of the review.</summary>
    public string? ExternalReviewId { get; init; }

    /// <summary>When the API stopped listing it (UTC), or null.</summary>
    public DateTime? DeletedAt { get; init; }

    internal static HostawayReview From(ReviewRecord record)
    {
        var known = new Dictionary<string, double?>(StringComparer.Ordinal);
        var other = new List<string>();
        foreach (var category in record.CategoryRatings)
        {
            var key = KnownCategory(category.Category);
            if (key is not null && !known.ContainsKey(key))
            {
                known[key] = category.Rating;
            }
            else
            {
                other.Add(category.Category + "=" + category.Rating?.ToString("R", CultureInfo.InvariantCulture));
            }
        }

        double? Rated(string key) => known.GetValueOrDefault(key);
        return new()
        {
            ReviewId = record.ReviewId,
            ListingId = record.ListingId,
            ListingName = record.ListingName,
            ReservationId = record.ReservationId,
            GuestId = record.GuestId,
            GuestName = record.GuestName,
            ChannelId = record.ChannelId,
            ChannelName = record.ChannelName,
            Type = record.Type,
            Status = record.Status,
            Rating = record.Rating,
            Cleanliness = Rated("cleanliness"),
            Communication = Rated("communication"),
            Accuracy = Rated("accuracy"),
            CheckIn = Rated("checkin"),
            Location = Rated("location"),
            Value = Rated("value"),
            RespectHouseRules = Rated("respecthouserules"),
            Staff = Rated("staff"),
            Facilities = Rated("facilities"),
            Comfort = Rated("comfort"),
            ValueForMoney = Rated("valueformoney"),
            OtherCategoryRatings = other.Count == 0 ? null : string.Join("; ", other),
            PublicReview = record.PublicReview,
            PrivateFeedback = record.PrivateFeedback,
            RevieweeResponse = record.RevieweeResponse,
            IsRecommended = record.IsRecommended,
            IsCancelled = record.IsCancelled,
            ArrivalAt = record.ArrivalAt,
            DepartureAt = record.DepartureAt,
            ScheduledAt = record.ScheduledAt,
            ExternalReviewId = record.ExternalReviewId,
            DeletedAt = record.DeletedAt,
        };
    }

    /// <summary>The known category a name stands for, ignoring case and separators (check_in is checkin), or null.</summary>
    private static string? KnownCategory(string name)
    {
        var key = new string(name.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return Known.Contains(key) ? key : null;
    }
}
