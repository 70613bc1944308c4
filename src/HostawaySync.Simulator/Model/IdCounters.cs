namespace HostawaySync.Simulator.Model;

/// <summary>The next free ids. Hostaway ids are global auto-increments, so new objects always get larger ids.</summary>
/// <param name="NextListingId">Next listing id.</param>
/// <param name="NextListingSerial">Next listing creation number.</param>
/// <param name="NextReservationId">Next reservation id.</param>
/// <param name="NextConversationId">Next conversation id.</param>
/// <param name="NextMessageId">Next message id.</param>
/// <param name="NextReviewId">Next review id.</param>
internal sealed record IdCounters(
    long NextListingId,
    int NextListingSerial,
    long NextReservationId,
    long NextConversationId,
    long NextMessageId,
    long NextReviewId);
