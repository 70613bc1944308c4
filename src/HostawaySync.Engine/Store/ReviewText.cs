using HostawaySync.Engine.Api.Models;

namespace HostawaySync.Engine.Store;

/// <summary>What review search indexes of a review: its public text, private feedback and response, one per line.</summary>
internal static class ReviewText
{
    /// <summary>The review's searchable text, or an empty string when it has none.</summary>
    public static string Of(HostawayReview review) => Of(review.PublicReview, review.PrivateFeedback, review.RevieweeResponse);

    /// <summary>The searchable text of a review with these texts (as stored), or an empty string.</summary>
    public static string Of(string? publicReview, string? privateFeedback, string? response) =>
        string.Join('\n', new[] { publicReview, privateFeedback, response }.Where(t => !string.IsNullOrWhiteSpace(t)));

    /// <summary>The stored reviews' ids and texts, as the indexes take them (a copy rebuilds its destination's review index from these).</summary>
    public const string StoredTexts = "SELECT review_id AS Id, public_review AS PublicReview, private_feedback AS PrivateFeedback, reviewee_response AS Response FROM reviews;";
}
