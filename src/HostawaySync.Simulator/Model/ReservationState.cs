namespace HostawaySync.Simulator.Model;

/// <summary>
/// What the simulator stores for one reservation: the fields that filters, sort orders and mutations need.
/// The other ~100 fields are derived on demand from the seed, the id and <see cref="Version"/>.
/// </summary>
internal sealed record ReservationState
{
    /// <summary>Hostaway reservation id.</summary>
    public required long Id { get; init; }

    /// <summary>The listing (<c>listingMapId</c>).</summary>
    public required long ListingId { get; init; }

    /// <summary>
    /// The listing name as stored with the booking (real data has it, sometimes empty, as the docs' embedded
    /// sample shows): a copy, so renaming the listing later does not change the reservation.
    /// </summary>
    public string? ListingName { get; init; }

    /// <summary>Channel id (2000 direct, 2018 airbnbOfficial, ...).</summary>
    public required int ChannelId { get; init; }

    /// <summary>Index of the guest in the pool.</summary>
    public required int GuestId { get; init; }

    /// <summary>First name as this channel shows it.</summary>
    public string? GuestFirstName { get; init; }

    /// <summary>Last name as this channel shows it.</summary>
    public string? GuestLastName { get; init; }

    /// <summary>Full name as this channel shows it.</summary>
    public string? GuestName { get; init; }

    /// <summary>E-mail exactly as served (case and surrounding spaces vary between a guest's reservations).</summary>
    public string? GuestEmail { get; init; }

    /// <summary>The channel's guest account id.</summary>
    public string? GuestExternalAccountId { get; init; }

    /// <summary>Reservation status.</summary>
    public required string Status { get; init; }

    /// <summary>Arrival date.</summary>
    public required DateOnly Arrival { get; init; }

    /// <summary>Number of nights.</summary>
    public required int Nights { get; init; }

    /// <summary>Departure date.</summary>
    public DateOnly Departure => Arrival.AddDays(Nights);

    /// <summary>Guest count.</summary>
    public required int NumberOfGuests { get; init; }

    /// <summary>Adults, or null when the channel did not say.</summary>
    public int? Adults { get; init; }

    /// <summary>Children, or null.</summary>
    public int? Children { get; init; }

    /// <summary>Infants, or null.</summary>
    public int? Infants { get; init; }

    /// <summary>Pets, or null.</summary>
    public int? Pets { get; init; }

    /// <summary>Total price (sometimes a whole number, sometimes with cents).</summary>
    public required double TotalPrice { get; init; }

    /// <summary>When the guest booked.</summary>
    public required DateTime ReservationDate { get; init; }

    /// <summary>When Hostaway stored the reservation.</summary>
    public required DateTime InsertedOn { get; init; }

    /// <summary>Last modification of the reservation itself (messages do not move it).</summary>
    public required DateTime UpdatedOn { get; init; }

    /// <summary>Last modification or message.</summary>
    public required DateTime LatestActivityOn { get; init; }

    /// <summary>When it was cancelled.</summary>
    public DateTime? CancellationDate { get; init; }

    /// <summary><c>guest</c> or <c>host</c>.</summary>
    public string? CancelledBy { get; init; }

    /// <summary>Arrival before the last date change.</summary>
    public DateOnly? PreviousArrival { get; init; }

    /// <summary>Departure before the last date change.</summary>
    public DateOnly? PreviousDeparture { get; init; }

    /// <summary>Edit counter; derived fields that an edit may change depend on it.</summary>
    public int Version { get; init; }

    /// <summary>Latest host message sent in any of its conversations (sortOrder lastConversationMessageSent).</summary>
    public DateTime? LastMessageSentOn { get; init; }

    /// <summary>Latest guest message received (sortOrder lastConversationMessageReceived).</summary>
    public DateTime? LastMessageReceivedOn { get; init; }

    /// <summary>Whether any of its conversations has unread guest messages.</summary>
    public bool HasUnreadMessages { get; init; }
}
