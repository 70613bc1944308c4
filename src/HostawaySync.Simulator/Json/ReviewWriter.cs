using System.Text.Json;
using HostawaySync.Simulator.Model;

namespace HostawaySync.Simulator.Json;

/// <summary>
/// Writes the review object with the documented sample's fields in the sample's order. <c>reservationId</c> is the
/// Hostaway integer id; <c>arrivalDate</c>/<c>departureDate</c> are timestamps, as in the sample.
/// </summary>
internal static class ReviewWriter
{
    /// <summary>Writes one review.</summary>
    public static void Write(Utf8JsonWriter w, AccountSnapshot snapshot, ReviewState review)
    {
        w.WriteStartObject();
        w.WriteNumber("id", review.Id);
        w.WriteNumber("accountId", snapshot.Context.AccountId);
        w.WriteNumber("listingMapId", review.ListingId);
        w.WriteNumber("reservationId", review.ReservationId);
        w.NumberOrNull("autoReviewId", review.AutoReviewId);
        w.NumberOrNull("timeDelta", review.TimeDelta);
        w.Timestamp("scheduledDateTime", review.ScheduledDateTime);
        w.WriteNumber("channelId", review.ChannelId);
        w.WriteString("type", review.Type);
        w.WriteString("status", review.Status);
        w.NumberOrNull("rating", review.Rating);
        w.StringOrNull("externalReviewId", review.ExternalReviewId);
        w.StringOrNull("externalReservationId", review.ExternalReservationId);
        w.StringOrNull("publicReview", review.PublicReview);
        w.StringOrNull("privateFeedback", review.PrivateFeedback);
        w.StringOrNull("revieweeResponse", review.RevieweeResponse);
        w.NumberOrNull("isRevieweeRecommended", review.IsRevieweeRecommended);
        w.Flag("isCancelled", review.IsCancelled);
        w.NumberOrNull("autoReviewTemplateId", review.AutoReviewTemplateId);
        w.WriteStartArray("reviewCategory");
        foreach (var category in review.Categories)
        {
            w.WriteStartObject();
            w.WriteString("category", category.Category);
            w.WriteNumber("rating", category.Rating);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Timestamp("departureDate", review.DepartureOn);
        w.Timestamp("arrivalDate", review.ArrivalOn);
        w.StringOrNull("listingName", review.ListingName);
        w.StringOrNull("guestName", review.GuestName);
        w.WriteEndObject();
    }
}
