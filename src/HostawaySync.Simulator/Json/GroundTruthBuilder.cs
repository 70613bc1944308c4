using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Model;

namespace HostawaySync.Simulator.Json;

/// <summary>
/// Renders the whole account with the same writers the endpoints use, so the ground truth is by construction
/// exactly what the API serves.
/// </summary>
internal static class GroundTruthBuilder
{
    /// <summary>The full ground truth of a snapshot.</summary>
    public static GroundTruth Build(AccountSnapshot snapshot)
    {
        var listings = snapshot.Listings.Select(l => Parse(w => WriteListing(w, snapshot, l))).ToList();
        var reservations = snapshot.Reservations.Select(r => Parse(w => WriteReservation(w, snapshot, r))).ToList();
        var conversations = snapshot.Conversations.Select(c => Parse(w => WriteConversation(w, snapshot, c))).ToList();
        var messages = new Dictionary<long, IReadOnlyList<JsonObject>>(snapshot.Conversations.Length);
        foreach (var conversation in snapshot.Conversations)
        {
            messages.Add(conversation.Id, MessageSynthesizer.Ordered(snapshot.Context, conversation, includeScheduled: true)
                .Select(m => Parse(w => MessageWriter.Write(w, snapshot, conversation, m)))
                .ToList());
        }

        var reviews = snapshot.Reviews.Select(r => Parse(w => ReviewWriter.Write(w, snapshot, r))).ToList();
        return new GroundTruth(
            listings,
            reservations,
            conversations,
            messages,
            [.. snapshot.DeletedListingIds],
            [.. snapshot.DeletedReservationIds],
            reviews,
            [.. snapshot.DeletedReviewIds]);
    }

    /// <summary>A listing as <c>GET /v1/listings?includeResources=1</c> serves it.</summary>
    public static void WriteListing(Utf8JsonWriter w, AccountSnapshot snapshot, ListingState listing) =>
        ListingWriter.Write(w, snapshot.Context, listing, includeResources: true);

    /// <summary>A reservation as <c>GET /v1/reservations?includeResources=1</c> serves it.</summary>
    public static void WriteReservation(Utf8JsonWriter w, AccountSnapshot snapshot, ReservationState reservation) =>
        ReservationWriter.Write(w, snapshot, reservation, ReservationView.List(includeResources: true, includeCancellationPolicy: false));

    /// <summary>A conversation as <c>GET /v1/conversations?includeResources=1</c> serves it.</summary>
    public static void WriteConversation(Utf8JsonWriter w, AccountSnapshot snapshot, ConversationState conversation) =>
        ConversationWriter.Write(w, snapshot, conversation, includeResources: true);

    private static JsonObject Parse(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }
}
