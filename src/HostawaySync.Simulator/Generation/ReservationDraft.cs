namespace HostawaySync.Simulator.Generation;

/// <summary>A booking before it gets its id: what is drawn before bookings are put in time order.</summary>
/// <param name="ListingIndex">Index of the listing.</param>
/// <param name="Channel">Booking channel.</param>
/// <param name="Status">Reservation status.</param>
/// <param name="Arrival">Arrival date.</param>
/// <param name="Nights">Nights.</param>
/// <param name="Booked">Booking time.</param>
internal readonly record struct ReservationDraft(
    int ListingIndex,
    ChannelInfo Channel,
    string Status,
    DateOnly Arrival,
    int Nights,
    DateTime Booked);
