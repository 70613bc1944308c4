namespace HostawaySync.Simulator.Model;

/// <summary>
/// What the simulator stores for one listing. Everything else in the listing object is derived on demand from
/// the seed, the id and <see cref="Version"/>, so 2,000 listings cost almost nothing to keep.
/// </summary>
internal sealed record ListingState
{
    /// <summary>Listing id.</summary>
    public required long Id { get; init; }

    /// <summary>Creation number; images and amenities take their ids from a block reserved for it.</summary>
    public required int Serial { get; init; }

    /// <summary>Hidden display order, used by <c>sortOrder=order</c> and by the default order.</summary>
    public required int Order { get; init; }

    /// <summary>Content version; each content edit increments it and so changes the derived texts and prices.</summary>
    public int Version { get; init; }

    /// <summary>The listing name (filters and sorts need it stored).</summary>
    public required string Name { get; init; }

    /// <summary>Index into the city catalogue.</summary>
    public required int CityIndex { get; init; }

    /// <summary>Contact first name (sortOrder=contactName).</summary>
    public required string ContactName { get; init; }

    /// <summary>When the listing was created.</summary>
    public required DateTime InsertedOn { get; init; }

    /// <summary>Last reservation or message activity; content edits do not move it.</summary>
    public required DateTime LatestActivityOn { get; init; }

    /// <summary>First image slot still in use; removing an image advances it.</summary>
    public int FirstImageSlot { get; init; }

    /// <summary>Next free image slot; images are the slots in [FirstImageSlot, NextImageSlot).</summary>
    public required int NextImageSlot { get; init; }

    /// <summary>Number of images.</summary>
    public int ImageCount => NextImageSlot - FirstImageSlot;
}
