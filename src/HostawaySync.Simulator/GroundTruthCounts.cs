namespace HostawaySync.Simulator;

/// <summary>Object counts of the live account; cheap to compute even for the Large data set.</summary>
/// <param name="Listings">Live listings.</param>
/// <param name="Reservations">Live reservations (every status).</param>
/// <param name="Conversations">Live conversations.</param>
/// <param name="Messages">All messages, including scheduled, failed and cancelled ones.</param>
/// <param name="SentMessages">Messages with status <c>sent</c>: what the messages endpoint returns by default.</param>
/// <param name="SentMessagesByConversation">Sent messages per conversation id, so a benchmark can compute the
/// minimum number of message-page requests.</param>
/// <param name="Reviews">Live reviews.</param>
public sealed record GroundTruthCounts(
    int Listings,
    int Reservations,
    int Conversations,
    long Messages,
    long SentMessages,
    IReadOnlyDictionary<long, int> SentMessagesByConversation,
    int Reviews);
