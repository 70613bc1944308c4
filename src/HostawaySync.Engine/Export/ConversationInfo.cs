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
}
