using HostawaySync.Simulator.Model;

namespace HostawaySync.Simulator.Generation;

/// <summary>
/// Folds a conversation's last-message times into its reservation. Messages move <c>latestActivityOn</c> but
/// never <c>updatedOn</c>: that is the real API's behaviour, and the trap for updatedOn-only incremental syncs.
/// </summary>
internal static class ReservationActivity
{
    /// <summary>The reservation with the conversation's last sent/received times and unread flag folded in.</summary>
    public static ReservationState WithConversation(ReservationState reservation, ConversationState conversation)
    {
        var sent = Later(reservation.LastMessageSentOn, conversation.MessageSentOn);
        var received = Later(reservation.LastMessageReceivedOn, conversation.MessageReceivedOn);
        var activity = Later(Later(reservation.LatestActivityOn, sent), received)!.Value;
        return reservation with
        {
            LastMessageSentOn = sent,
            LastMessageReceivedOn = received,
            LatestActivityOn = activity,
            HasUnreadMessages = reservation.HasUnreadMessages || conversation.HasUnreadMessages,
        };
    }

    /// <summary>
    /// The reservation's message summary (last sent/received times, unread flag) recomputed over the conversations
    /// it still has, after one was deleted; <c>latestActivityOn</c> and <c>updatedOn</c> stay as they are.
    /// </summary>
    public static ReservationState WithOnly(ReservationState reservation, IEnumerable<ConversationState> conversations)
    {
        var cleared = reservation with { LastMessageSentOn = null, LastMessageReceivedOn = null, HasUnreadMessages = false };
        return conversations.Aggregate(cleared, WithConversation) with { LatestActivityOn = reservation.LatestActivityOn };
    }

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
