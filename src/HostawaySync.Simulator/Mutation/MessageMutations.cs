using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Model;

namespace HostawaySync.Simulator.Mutation;

/// <summary>
/// New guest and host messages. They move the conversation's last sent/received times and the reservation's
/// latestActivityOn, never its updatedOn. A reservation without a conversation gets one. Cancelled scheduled
/// messages move nothing but their own status and updatedOn.
/// </summary>
internal static class MessageMutations
{
    /// <summary>The outcome of adding messages.</summary>
    /// <param name="MessageIds">New message ids.</param>
    /// <param name="ConversationIds">Conversations that got messages, in first-touched order.</param>
    /// <param name="NewConversationIds">Conversations created for them.</param>
    /// <param name="ReservationIds">Reservations whose latestActivityOn moved.</param>
    public sealed record Result(List<long> MessageIds, List<long> ConversationIds, List<long> NewConversationIds, List<long> ReservationIds);

    /// <summary>Adds <paramref name="count"/> messages; about a third continue the previous message's thread.</summary>
    public static Result Add(MutationWork work, int count)
    {
        var result = new Result([], [], [], []);
        var reservationIds = work.Reservations.Keys.Order().ToArray();
        if (reservationIds.Length == 0)
        {
            return result;
        }

        var byReservation = work.Conversations.Values
            .GroupBy(c => c.ReservationId)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Id).Order().ToList());
        var seen = new HashSet<long>();
        long previous = -1;
        for (var i = 0; i < count; i++)
        {
            var rng = work.Rng;
            var reservationId = previous >= 0 && rng.Chance(0.35) ? previous : reservationIds[rng.Next(reservationIds.Length)];
            previous = reservationId;
            var reservation = work.Reservations[reservationId];
            long conversationId;
            if (byReservation.TryGetValue(reservationId, out var existing))
            {
                conversationId = existing[0];
            }
            else
            {
                var counters = work.Counters;
                conversationId = counters.NextConversationId;
                var created = ConversationFactory.Create(
                    work.Context, conversationId, reservation, counters.NextMessageId, 0, false, false, work.Now);
                work.Conversations.Add(conversationId, created);
                byReservation[reservationId] = [conversationId];
                result.NewConversationIds.Add(conversationId);
                work.Counters = counters with { NextConversationId = counters.NextConversationId + 1 + rng.Next(3) };
            }

            result.MessageIds.Add(Append(work, conversationId, byReservation[reservationId]));
            if (seen.Add(conversationId))
            {
                result.ConversationIds.Add(conversationId);
            }

            // Reservation and conversation ids come from different sequences; keep them apart.
            if (seen.Add(-reservationId))
            {
                result.ReservationIds.Add(reservationId);
            }
        }

        return result;
    }

    /// <summary>Adds one sent message to a conversation; false when the conversation no longer exists.</summary>
    public static bool AddTo(MutationWork work, long conversationId)
    {
        if (!work.Conversations.TryGetValue(conversationId, out var conversation))
        {
            return false;
        }

        var siblings = work.Conversations.Values.Where(c => c.ReservationId == conversation.ReservationId).Select(c => c.Id).ToList();
        Append(work, conversationId, siblings);
        return true;
    }

    /// <summary>
    /// Cancels scheduled (<c>awaiting</c> or <c>paused</c>) messages of live conversations, generated or appended:
    /// the status becomes <c>cancelled_by_user</c> and the message's <c>updatedOn</c> moves to now. Nothing else
    /// moves: a conversation's summary and its reservation's activity count only sent messages.
    /// Returns the message ids.
    /// </summary>
    public static List<long> CancelScheduled(MutationWork work, int count)
    {
        var conversationOf = new Dictionary<long, long>();
        foreach (var conversation in work.Conversations.Values)
        {
            // Scheduled messages are the generated tail and (in principle) appended ones.
            for (var i = conversation.GeneratedCount - conversation.ScheduledTail; i < conversation.TotalCount; i++)
            {
                var message = MessageSynthesizer.Describe(work.Context, conversation, i);
                if (message.Status is MessageStatuses.Awaiting or MessageStatuses.Paused)
                {
                    conversationOf.Add(message.Id, conversation.Id);
                }
            }
        }

        var picked = work.Pick([.. conversationOf.Keys.Order()], count, [], _ => true);
        foreach (var messageId in picked)
        {
            var conversation = work.Conversations[conversationOf[messageId]];
            var changes = new Dictionary<long, MessageStatusChange>(conversation.StatusChanges)
            {
                [messageId] = new(MessageStatuses.CancelledByUser, work.Now),
            };
            work.Conversations[conversation.Id] = conversation with { StatusChanges = changes };
        }

        return picked;
    }

    /// <summary>
    /// Appends a sent guest or host message now and updates what it moves: the conversation's summary, the
    /// reservation's activity and unread flag (over <paramref name="siblings"/>, the reservation's conversations)
    /// and the listing's activity. Returns the message id.
    /// </summary>
    private static long Append(MutationWork work, long conversationId, IReadOnlyList<long> siblings)
    {
        var messageId = work.Counters.NextMessageId;
        work.Counters = work.Counters with { NextMessageId = messageId + 1 };
        var message = new AppendedMessage(messageId, work.Now, work.Rng.Chance(0.55), MessageStatuses.Sent);
        var conversation = work.Conversations[conversationId];
        conversation = ConversationFactory.WithSummary(work.Context, conversation with { Appended = [.. conversation.Appended, message] });
        work.Conversations[conversationId] = conversation;

        // A conversation can outlive its reservation only in theory (deleting one deletes the other); be safe.
        if (work.Reservations.TryGetValue(conversation.ReservationId, out var reservation))
        {
            var unread = siblings.Any(id => work.Conversations[id].HasUnreadMessages);
            work.Reservations[reservation.Id] = ReservationActivity.WithConversation(reservation, conversation) with { HasUnreadMessages = unread };
            work.TouchListingActivity(reservation.ListingId);
        }

        return messageId;
    }
}
