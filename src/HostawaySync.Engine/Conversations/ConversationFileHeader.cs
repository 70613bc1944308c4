namespace HostawaySync.Engine.Conversations;

/// <summary>What a conversation file says about its conversation. Every value is optional.</summary>
/// <param name="ConversationId">Hostaway conversation id.</param>
/// <param name="ReservationId">Hostaway reservation id.</param>
/// <param name="ListingId">Hostaway listing id (<c>listingMapId</c>).</param>
/// <param name="ListingName">Listing name.</param>
/// <param name="GuestName">Guest name.</param>
/// <param name="GuestEmail">Guest e-mail address.</param>
/// <param name="Channel">Booking channel of the reservation (airbnbOfficial, bookingcom, direct...).</param>
/// <param name="ArrivalDate">Arrival date of the stay.</param>
/// <param name="DepartureDate">Departure date of the stay.</param>
/// <param name="DeletedAt">When HostawaySync found that Hostaway no longer has the conversation or its reservation (UTC); null while it is live.</param>
public sealed record ConversationFileHeader(
    long? ConversationId = null,
    long? ReservationId = null,
    long? ListingId = null,
    string? ListingName = null,
    string? GuestName = null,
    string? GuestEmail = null,
    string? Channel = null,
    DateOnly? ArrivalDate = null,
    DateOnly? DepartureDate = null,
    DateTime? DeletedAt = null)
{
    /// <summary>A header with no values.</summary>
    public static ConversationFileHeader Empty { get; } = new();
}
