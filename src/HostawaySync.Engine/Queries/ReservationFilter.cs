namespace HostawaySync.Engine.Queries;

/// <summary>Which reservations to read. Null or empty members do not filter.</summary>
/// <param name="Ids">Reservation ids.</param>
/// <param name="ListingIds">Listings.</param>
/// <param name="GuestIds">Guests.</param>
/// <param name="Statuses">Statuses (new, modified, cancelled, ...).</param>
/// <param name="ArrivalFrom">Arrival on or after.</param>
/// <param name="ArrivalTo">Arrival on or before.</param>
/// <param name="IncludeDeleted">Also reservations the API no longer has.</param>
public sealed record ReservationFilter(
    IReadOnlyList<long>? Ids = null, IReadOnlyList<long>? ListingIds = null, IReadOnlyList<long>? GuestIds = null, IReadOnlyList<string>? Statuses = null,
    DateOnly? ArrivalFrom = null, DateOnly? ArrivalTo = null, bool IncludeDeleted = false);
