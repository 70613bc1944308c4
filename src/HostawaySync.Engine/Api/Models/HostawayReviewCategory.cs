using System.Text.Json;
using HostawaySync.Engine.Api.Json;

namespace HostawaySync.Engine.Api.Models;

/// <summary>One category rating of a review (<c>reviewCategory[]</c>): cleanliness, communication, location...</summary>
/// <param name="Category">The category as the API names it.</param>
/// <param name="Rating">Its rating (0 to 10), or null.</param>
public sealed record HostawayReviewCategory(string Category, decimal? Rating)
{
    /// <summary>
    /// The categories of a review. The docs show only an empty array: an entry is read as <c>category</c> (or
    /// <c>name</c>, <c>type</c>) with <c>rating</c> (or <c>value</c>, <c>raiting</c>); an entry without a name is skipped
    /// (the raw JSON keeps it), and a category named twice keeps its first rating.
    /// </summary>
    internal static IReadOnlyList<HostawayReviewCategory> ListFrom(JsonElement review)
    {
        var categories = new List<HostawayReviewCategory>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in review.Array("reviewCategory"))
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var name = entry.NonEmpty("category") ?? entry.NonEmpty("name") ?? entry.NonEmpty("type");
            if (name is null || !names.Add(name))
            {
                continue;
            }

            categories.Add(new(name, entry.Decimal("rating") ?? entry.Decimal("value") ?? entry.Decimal("raiting")));
        }

        return categories;
    }
}
