namespace HostawaySync.Engine.Export;

/// <summary>What the store knows about one exported conversation, for the metadata object and for name redaction.</summary>
internal sealed class ConversationInfo
{
    public long? ConversationId { get; init; }

    public long? ReservationId { get; init; }

    public long? ListingId { get; init; }

    public string? ListingName { get; init; }

    public string? Channel { get; init; }

    public string? Source { get; init; }

    public string? ArrivalDate { get; init; }

    public string? DepartureDate { get; init; }

    /// <summary>The reservation's door code (<c>doorCode</c> in its API object), for access-code redaction.</summary>
    public string? DoorCode { get; init; }

    /// <summary>Guest and host names from the conversation, reservation, guest and listing records.</summary>
    public IReadOnlyList<string?> Names { get; init; } = [];

    /// <summary>The stay's guest review (guest-to-host), with <see cref="TrainingDataOptions.IncludeMetadata"/>: its id, or null when the stay has none.</summary>
    public long? ReviewId { get; init; }

    /// <summary>That review's overall rating (0 to 10), or null.</summary>
    public decimal? ReviewRating { get; init; }

    /// <summary>That review's category ratings, by category; empty when it has none.</summary>
    public IReadOnlyList<(string Category, decimal? Rating)> ReviewCategories { get; init; } = [];
}
