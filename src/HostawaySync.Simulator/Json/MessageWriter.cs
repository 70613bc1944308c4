using System.Text.Json;
using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Json;

/// <summary>
/// Writes the message object: the docs' message sample keys plus the real-data extras
/// (<c>channelThreadMessageId</c>, <c>sentToChannelDate</c>, <c>channelId</c>, <c>messageSource</c>).
/// Real data sometimes has <c>attachments: null</c>; so does the simulator.
/// </summary>
internal static class MessageWriter
{
    private static readonly string[] Events = ["arrival", "departure", "reservation"];

    /// <summary>Writes one message of a conversation.</summary>
    public static void Write(Utf8JsonWriter w, AccountSnapshot snapshot, ConversationState conversation, MessageInfo m)
    {
        var context = snapshot.Context;
        var reservation = snapshot.FindReservation(conversation.ReservationId);
        var listing = snapshot.FindListingForRendering(conversation.ListingId);
        var city = Catalog.Cities[listing?.CityIndex ?? 0];
        var channelId = reservation?.ChannelId ?? 2000;
        var channel = Channels.Get(channelId);
        var rng = new DetRandom(m.Seed);
        var native = conversation.Type == "host-guest-native";
        var outgoingSent = !m.IsIncoming && m.IsSent;
        var sentAt = outgoingSent ? m.Date.AddSeconds(1 + rng.Next(59)) : (DateTime?)null;
        var insertedOn = m.IsAutomated && !m.IsSent ? conversation.HistoryStart : m.Date;
        var updatedOn = m.UpdatedOn ?? sentAt ?? (m.Status == MessageStatuses.Failed ? m.Date.AddMinutes(5) : insertedOn);

        w.WriteStartObject();
        w.WriteNumber("id", m.Id);
        w.WriteNumber("accountId", context.AccountId);
        w.WriteNumber("listingMapId", conversation.ListingId);
        w.WriteNumber("reservationId", conversation.ReservationId);
        w.WriteNumber("conversationId", conversation.Id);
        w.NumberOrNull("communicationId", m.IsAutomated ? 20_000 + rng.Next(500) : null);
        w.StringOrNull("airbnbThreadMessageId", native && channel.IsAirbnb ? rng.Digits(11) : null);
        w.StringOrNull("channelThreadMessageId", native ? rng.Digits(12) : null);
        w.WriteString("body", MessageBodies.Body(context, m, reservation?.GuestFirstName, city.City));
        w.WriteString("communicationType", native ? "channel" : !m.IsIncoming && rng.Chance(0.03) ? "sms" : "email");
        w.WriteString("status", m.Status);
        w.Flag("isIncoming", m.IsIncoming);
        w.Flag("isSeen", m.IsSeen);
        w.Flag("sentUsingHostaway", !m.IsIncoming);
        w.WriteString("hash", rng.Hex(32));
        w.WriteString("listingTimeZoneName", city.TimeZone);
        w.StringOrNull("communicationEvent", m.IsAutomated ? rng.Pick(Events) : null);
        w.NumberOrNull("communicationTimeDelta", m.IsAutomated ? -86_400L * (1 + rng.Next(3)) : null);
        w.FlagOrNull("communicationApplyListingTimeZone", m.IsAutomated ? true : null);
        w.FlagOrNull("communicationAlwaysTrigger", m.IsAutomated ? false : null);
        w.Timestamp("date", m.Date);
        w.Timestamp("sentChannelDate", sentAt);
        w.Timestamp("sentToChannelDate", sentAt);
        w.WriteNumber("channelId", channelId);
        w.WriteString("messageSource", m.IsIncoming ? (native ? channel.Name : "Email") : m.IsAutomated ? "pre-generated" : "Dashboard");
        WriteAttachments(w, context, conversation, m, rng);
        w.Timestamp("insertedOn", insertedOn);
        w.Timestamp("updatedOn", updatedOn);
        w.WriteEndObject();
    }

    private static void WriteAttachments(Utf8JsonWriter w, DatasetContext context, ConversationState conversation, MessageInfo m, DetRandom rng)
    {
        var roll = rng.NextDouble();
        if (roll < 0.1)
        {
            w.WriteNull("attachments");
            return;
        }

        w.WriteStartArray("attachments");
        if (roll > 0.97)
        {
            var image = rng.Chance(0.7);
            var extension = image ? "jpeg" : "pdf";
            var isPublic = rng.Chance(0.5);
            w.WriteStartObject();
            w.WriteNumber("id", (m.Id * 2) + 1);
            w.WriteNumber("accountId", context.AccountId);
            w.NumberOrNull("listingMapId", rng.Chance(0.5) ? conversation.ListingId : null);
            w.WriteNumber("reservationId", conversation.ReservationId);
            w.NumberOrNull("taskId", null);
            w.WriteString("name", image ? "photo.jpeg" : "passport scan (1).pdf");
            w.WriteString("url", $"https://files.hostaway.com/attachments/{(isPublic ? "public" : "private")}/{rng.Hex(20)}.{extension}");
            w.Flag("isPublic", isPublic);
            w.NumberOrNull("communicationId", null);
            w.WriteNumber("conversationMessageId", m.Id);
            w.WriteString("extension", extension);
            w.WriteString("mimeType", image ? "image/jpeg" : "application/pdf");
            w.FlagOrNull("isImage", rng.Chance(0.5) ? image : null);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
