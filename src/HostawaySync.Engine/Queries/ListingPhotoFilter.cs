namespace HostawaySync.Engine.Queries;

/// <summary>Which listing photos to read; null or empty lists match everything.</summary>
/// <param name="PhotoIds">Photo ids.</param>
/// <param name="ListingIds">Listing ids.</param>
/// <param name="ListingNames">Listing names, with * and ? wildcards.</param>
/// <param name="IncludeDeleted">Also the photos of listings the API no longer has.</param>
public sealed record ListingPhotoFilter(IReadOnlyList<long>? PhotoIds = null, IReadOnlyList<long>? ListingIds = null, IReadOnlyList<string>? ListingNames = null, bool IncludeDeleted = false);
