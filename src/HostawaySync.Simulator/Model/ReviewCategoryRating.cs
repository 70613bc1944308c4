namespace HostawaySync.Simulator.Model;

/// <summary>One entry of a review's <c>reviewCategory</c> array.</summary>
/// <param name="Category">The category name, e.g. <c>cleanliness</c>.</param>
/// <param name="Rating">The category rating, 0 to 10.</param>
internal sealed record ReviewCategoryRating(string Category, int Rating);
