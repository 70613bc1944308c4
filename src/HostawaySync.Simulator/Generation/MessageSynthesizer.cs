using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Generation;

/// <summary>
/// Derives generated messages from (seed, conversation, index) instead of storing them: the Large data set has
/// two million messages, and only the few on a requested page are ever materialized.
/// Generated message times never decrease with the index, and ids increase with it, so "newest first" is the
/// reverse index order; scheduled messages form a tail of future times.
/// </summary>
internal static class MessageSynthesizer
{
    /// <summary>
    /// Describes message <paramref name="index"/> of a conversation: generated messages first, then the appended
    /// ones; a status change made by a mutation overrides the status and <c>updatedOn</c>.
    /// </summary>
    public static MessageInfo Describe(DatasetContext context, ConversationState conversation, int index)
    {
        var message = index < conversation.GeneratedCount
            ? DescribeGenerated(context, conversation, index)
            : DescribeAppended(context, conversation.Appended[index - conversation.GeneratedCount]);
        return conversation.StatusChanges.Count > 0 && conversation.StatusChanges.TryGetValue(message.Id, out var change)
            ? message with { Status = change.Status, UpdatedOn = change.UpdatedOn }
            : message;
    }

    /// <summary>The conversation's messages as the messages endpoint orders them: date descending, id descending.</summary>
    public static List<MessageInfo> Ordered(DatasetContext context, ConversationState conversation, bool includeScheduled)
    {
        var list = new List<MessageInfo>(includeScheduled ? conversation.TotalCount : conversation.SentCount);
        for (var i = 0; i < conversation.TotalCount; i++)
        {
            var info = Describe(context, conversation, i);
            if (includeScheduled || info.IsSent)
            {
                list.Add(info);
            }
        }

        list.Sort(static (a, b) => b.Date != a.Date ? b.Date.CompareTo(a.Date) : b.Id.CompareTo(a.Id));
        return list;
    }

    /// <summary>Finds one message of the conversation by id.</summary>
    public static MessageInfo? Find(DatasetContext context, ConversationState conversation, long messageId)
    {
        var index = messageId - conversation.FirstMessageId;
        if (index >= 0 && index < conversation.GeneratedCount)
        {
            return Describe(context, conversation, (int)index);
        }

        for (var i = 0; i < conversation.Appended.Count; i++)
        {
            if (conversation.Appended[i].Id == messageId)
            {
                return Describe(context, conversation, conversation.GeneratedCount + i);
            }
        }

        return null;
    }

    /// <summary>Whether a message "newer" than another in the served order.</summary>
    public static bool IsNewer(MessageInfo a, MessageInfo b) => a.Date != b.Date ? a.Date > b.Date : a.Id > b.Id;

    /// <summary>Describes generated message <paramref name="index"/> as generation made it.</summary>
    private static MessageInfo DescribeGenerated(DatasetContext context, ConversationState conversation, int index)
    {
        var hash = context.Hash(HashTags.Message, conversation.Id, index);
        var id = conversation.FirstMessageId + index;
        var forceHostile = conversation.ForceHostile && index < 3;
        var pastCount = conversation.GeneratedCount - conversation.ScheduledTail;
        if (index >= pastCount)
        {
            var tailIndex = index - pastCount;
            var start = conversation.HistoryEnd.AddHours(1);
            var spanTicks = Math.Max(0, (conversation.ScheduleEnd - start).Ticks);
            var at = Timestamps.Truncate(start.AddTicks(spanTicks / (conversation.ScheduledTail + 1) * (tailIndex + 1)));
            var status = (hash % 10) == 0 ? MessageStatuses.Paused : MessageStatuses.Awaiting;
            return new MessageInfo(id, at, false, status, hash, true, forceHostile, false);
        }

        var spanSeconds = Math.Max(0, (conversation.HistoryEnd - conversation.HistoryStart).Ticks / TimeSpan.TicksPerSecond);
        var step = spanSeconds / pastCount;
        var jitter = step > 1 ? (long)((hash >> 20) % (ulong)step) : 0;
        var date = conversation.HistoryStart.AddSeconds((spanSeconds * index / pastCount) + jitter);
        var incoming = index == 0 ? (hash & 3) != 0 : (hash & 0xFF) < 128;
        var outcome = (hash >> 32) % 1000;
        var messageStatus = incoming ? MessageStatuses.Sent : outcome switch
        {
            < 20 => MessageStatuses.Failed,
            < 35 => MessageStatuses.CancelledBySystem,
            < 40 => MessageStatuses.CancelledByUser,
            _ => MessageStatuses.Sent,
        };
        var automated = !incoming && ((hash >> 44) % 10) == 0;

        // A quarter of conversations end with a guest message the host has not read yet.
        var seen = incoming
            ? index != pastCount - 1 || context.Hash(HashTags.Conversation, conversation.Id) % 4 != 0
            : ((hash >> 52) & 3) != 0;
        return new MessageInfo(id, date, incoming, messageStatus, hash, automated, forceHostile, seen);
    }

    /// <summary>Describes a message added by a mutation; new guest messages are unread.</summary>
    private static MessageInfo DescribeAppended(DatasetContext context, AppendedMessage message)
    {
        var hash = context.Hash(HashTags.Message, message.Id, -1);
        return new(message.Id, message.Date, message.IsIncoming, message.Status, hash, false, false, !message.IsIncoming && (hash & 1) == 0);
    }
}
