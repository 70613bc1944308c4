namespace HostawaySync.Simulator.Json;

/// <summary>Which variant of the reservation object to write.</summary>
/// <param name="Embedded">The reduced object embedded as <c>Reservation</c> in a conversation.</param>
/// <param name="IncludeResources">includeResources=1: custom fields, fees, units, finance fields, host proxy
/// e-mail and the Booking.com extras.</param>
/// <param name="IncludeCancellationPolicy">Cancellation-policy fields filled (always on the single endpoint,
/// with includeCancellationPolicy=1 on the list).</param>
/// <param name="AlwaysHostProxyEmail">The single endpoint always includes hostProxyEmail.</param>
internal readonly record struct ReservationView(
    bool Embedded,
    bool IncludeResources,
    bool IncludeCancellationPolicy,
    bool AlwaysHostProxyEmail)
{
    /// <summary>The list endpoint's view.</summary>
    public static ReservationView List(bool includeResources, bool includeCancellationPolicy) =>
        new(false, includeResources, includeCancellationPolicy, false);

    /// <summary>The single endpoint's view.</summary>
    public static ReservationView Single(bool includeResources) => new(false, includeResources, true, true);

    /// <summary>The view embedded in conversations.</summary>
    public static ReservationView InConversation => new(true, false, false, false);
}
