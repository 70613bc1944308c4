namespace HostawaySync.Engine.Queries;

/// <summary>Which listings to read. Null or empty members do not filter.</summary>
/// <param name="Ids">Listing ids.</param>
/// <param name="Names">Names, with * and ? wildcards, case-insensitive.</param>
/// <param name="Cities">Cities, with wildcards.</param>
/// <param name="IncludeDeleted">Also listings the API no longer has.</param>
public sealed record ListingFilter(IReadOnlyList<long>? Ids = null, IReadOnlyList<string>? Names = null, IReadOnlyList<string>? Cities = null, bool IncludeDeleted = false);
