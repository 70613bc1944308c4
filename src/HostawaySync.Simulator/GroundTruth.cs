using System.Text.Json.Nodes;

namespace HostawaySync.Simulator;

/// <summary>
/// A full snapshot of the simulated account, each object exactly as the API serves it. Lists are ordered by id;
/// messages per conversation are in the order the messages endpoint serves them (newest first).
/// </summary>
/// <param name="Listings">Live listings as <c>GET /v1/listings?includeResources=1</c> serves them.</param>
/// <param name="Reservations">Live reservations as <c>GET /v1/reservations?includeResources=1</c> serves them.</param>
/// <param name="Conversations">Live conversations as <c>GET /v1/conversations?includeResources=1</c> serves them.</param>
/// <param name="MessagesByConversation">Every message of every live conversation, including scheduled, failed and
/// cancelled ones, as <c>GET /v1/conversations/{id}/messages?includeScheduledMessages=1</c> serves them.</param>
/// <param name="DeletedListingIds">Ids of listings deleted by mutations.</param>
/// <param name="DeletedReservationIds">Ids of reservations deleted by mutations.</param>
/// <param name="Reviews">Live reviews as <c>GET /v1/reviews</c> serves them, ordered by id.</param>
/// <param name="DeletedReviewIds">Ids of reviews deleted by mutations, on their own or with their reservation.</param>
public sealed record GroundTruth(
    IReadOnlyList<JsonObject> Listings,
    IReadOnlyList<JsonObject> Reservations,
    IReadOnlyList<JsonObject> Conversations,
    IReadOnlyDictionary<long, IReadOnlyList<JsonObject>> MessagesByConversation,
    IReadOnlyList<long> DeletedListingIds,
    IReadOnlyList<long> DeletedReservationIds,
    IReadOnlyList<JsonObject> Reviews,
    IReadOnlyList<long> DeletedReviewIds);
