namespace HostawaySync.Simulator.Model;

/// <summary>The sort keys of <c>GET /v1/reservations</c>; each has an ascending index, read backwards for descending.</summary>
internal enum ReservationOrder
{
    /// <summary><c>updatedOn</c>; the default order is this one descending.</summary>
    UpdatedOn,

    /// <summary><c>arrivalDate</c>.</summary>
    ArrivalDate,

    /// <summary><c>lastConversationMessageSent</c>.</summary>
    LastMessageSent,

    /// <summary><c>lastConversationMessageReceived</c>.</summary>
    LastMessageReceived,

    /// <summary><c>latestActivity</c>.</summary>
    LatestActivity,
}
