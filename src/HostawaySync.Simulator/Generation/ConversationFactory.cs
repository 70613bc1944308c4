using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Generation;

/// <summary>Creates conversations and computes what they summarize (counts, last sent/received, unread).</summary>
internal static class ConversationFactory
{
    /// <summary>Creates a conversation whose <paramref name="messageCount"/> messages are generated on demand.</summary>
    public static ConversationState Create(
        DatasetContext context,
        long id,
        ReservationState reservation,
        long firstMessageId,
        int messageCount,
        bool isSecond,
        bool forceHostile,
        DateTime now)
    {
        var rng = new DetRandom(context.Hash(HashTags.Generation, id, 3));
        var latest = Timestamps.Truncate(now.AddSeconds(-60));
        var start = isSecond
            ? reservation.InsertedOn.AddDays(rng.Next(1, 10)).AddSeconds(rng.Next(86_400))
            : reservation.ReservationDate.AddSeconds(rng.Next(3600));
        start = Min(start, latest);
        var end = Max(Min(reservation.Departure.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc).AddDays(3), latest), start);

        // Scheduled automations exist only for stays that have not started yet.
        var arrival = reservation.Arrival.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var tail = 0;
        if (arrival >= now.Date.AddDays(2) && messageCount >= 2 && rng.Chance(0.35))
        {
            tail = Math.Min(messageCount - 1, 1 + rng.Next(2));
        }

        var channel = Channels.Get(reservation.ChannelId);
        var conversation = new ConversationState
        {
            Id = id,
            ReservationId = reservation.Id,
            ListingId = reservation.ListingId,
            Type = isSecond || channel.Id is 2000 or 2013 or 2017 ? "host-guest-email" : "host-guest-native",
            ShuffleKey = context.Hash(HashTags.Conversation, id),
            FirstMessageId = firstMessageId,
            GeneratedCount = messageCount,
            ScheduledTail = tail,
            HistoryStart = start,
            HistoryEnd = end,
            ScheduleEnd = arrival.AddDays(-1).AddHours(10),
            SentCount = 0,
            ForceHostile = forceHostile,
        };
        return WithSummary(context, conversation);
    }

    /// <summary>Recomputes the counts and the last-message fields from the messages themselves.</summary>
    public static ConversationState WithSummary(DatasetContext context, ConversationState conversation)
    {
        var sent = 0;
        DateTime? sentOn = null, receivedOn = null;
        MessageInfo? latest = null;
        for (var i = 0; i < conversation.TotalCount; i++)
        {
            var message = MessageSynthesizer.Describe(context, conversation, i);
            if (!message.IsSent)
            {
                continue;
            }

            sent++;
            if (message.IsIncoming)
            {
                receivedOn = Max(receivedOn ?? message.Date, message.Date);
            }
            else
            {
                sentOn = Max(sentOn ?? message.Date, message.Date);
            }

            if (latest is null || MessageSynthesizer.IsNewer(message, latest.Value))
            {
                latest = message;
            }
        }

        var unread = latest is { IsIncoming: true, IsSeen: false };
        return conversation with
        {
            SentCount = sent,
            MessageSentOn = sentOn,
            MessageReceivedOn = receivedOn,
            LatestSentMessageId = latest?.Id,
            HasUnreadMessages = unread,
        };
    }

    /// <summary>A message count with the given mean: geometric, so most threads are short and a few are long.</summary>
    public static int DrawMessageCount(DetRandom rng, int average)
    {
        if (average <= 0)
        {
            return 0;
        }

        var rate = Math.Log(1 + (1.0 / average));
        var count = Math.Floor(-Math.Log(1 - rng.NextDouble()) / rate);
        return (int)Math.Min(count, 50.0 * average);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
