using System.Text.Json;
using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Json;

/// <summary>
/// Writes the conversation object. <c>conversationMessages</c> holds only the latest sent message (always);
/// <c>Reservation</c>, with a capital R, is embedded only with includeResources=1 and is null otherwise.
/// </summary>
internal static class ConversationWriter
{
    /// <summary>Writes one conversation.</summary>
    public static void Write(Utf8JsonWriter w, AccountSnapshot snapshot, ConversationState conversation, bool includeResources)
    {
        var context = snapshot.Context;
        var reservation = snapshot.FindReservation(conversation.ReservationId);
        var rng = new DetRandom(context.Hash(HashTags.Conversation, conversation.Id, 1));
        var airbnb = reservation is not null && Channels.Get(reservation.ChannelId).IsAirbnb;

        w.WriteStartObject();
        w.WriteNumber("id", conversation.Id);
        w.WriteNumber("accountId", context.AccountId);
        w.WriteNumber("listingMapId", conversation.ListingId);
        w.WriteNumber("reservationId", conversation.ReservationId);
        w.WriteString("type", conversation.Type);
        w.StringOrNull("recipientEmail", reservation?.GuestEmail);
        w.StringOrNull("recipientName", reservation?.GuestName);
        w.StringOrNull("recipientPicture", airbnb ? $"https://a0.muscache.com/im/pictures/{rng.Hex(8)}.jpg" : null);
        w.WriteString("hostEmail", $"c-{rng.Hex(32)}@host.hostaway.info");
        w.WriteString("guestEmail", $"c-{rng.Hex(32)}@guest.hostaway.info");
        w.Flag("hasUnreadMessages", conversation.HasUnreadMessages);
        w.Timestamp("messageSentOn", conversation.MessageSentOn);
        w.Timestamp("messageReceivedOn", conversation.MessageReceivedOn);
        w.WriteStartArray("conversationMessages");
        if (conversation.LatestSentMessageId is { } latestId
            && MessageSynthesizer.Find(context, conversation, latestId) is { } latest)
        {
            MessageWriter.Write(w, snapshot, conversation, latest);
        }

        w.WriteEndArray();
        if (includeResources && reservation is not null)
        {
            w.WritePropertyName("Reservation");
            ReservationWriter.Write(w, snapshot, reservation, ReservationView.InConversation);
        }
        else
        {
            w.WriteNull("Reservation");
        }

        w.WriteEndObject();
    }
}
