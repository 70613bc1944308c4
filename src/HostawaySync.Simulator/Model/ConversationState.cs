using System.Collections.ObjectModel;

namespace HostawaySync.Simulator.Model;

/// <summary>
/// What the simulator stores for one conversation. Generated messages are not stored: message <c>i</c> is
/// derived from (seed, conversation id, i); only messages added by mutations are kept, in <see cref="Appended"/>.
/// </summary>
internal sealed record ConversationState
{
    /// <summary>Conversation id.</summary>
    public required long Id { get; init; }

    /// <summary>Hostaway reservation id.</summary>
    public required long ReservationId { get; init; }

    /// <summary>The listing.</summary>
    public required long ListingId { get; init; }

    /// <summary><c>host-guest-email</c> or <c>host-guest-native</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Position key of the list order: a hash, so the order is neither by id nor by latest message.</summary>
    public required ulong ShuffleKey { get; init; }

    /// <summary>
    /// 0, or how recently a paging variant moved the conversation to the front of the list: the larger, the
    /// earlier it sorts, before every conversation ordered by <see cref="ShuffleKey"/>.
    /// </summary>
    public long FrontRank { get; init; }

    /// <summary>Id of generated message 0; message i has id FirstMessageId + i.</summary>
    public required long FirstMessageId { get; init; }

    /// <summary>Number of generated messages, including the scheduled tail.</summary>
    public required int GeneratedCount { get; init; }

    /// <summary>How many of the last generated messages are scheduled (future) ones.</summary>
    public required int ScheduledTail { get; init; }

    /// <summary>Time of generated message 0.</summary>
    public required DateTime HistoryStart { get; init; }

    /// <summary>Latest possible time of a past generated message.</summary>
    public required DateTime HistoryEnd { get; init; }

    /// <summary>Time of the last scheduled message (the arrival day).</summary>
    public required DateTime ScheduleEnd { get; init; }

    /// <summary>Messages added by mutations, in id order.</summary>
    public IReadOnlyList<AppendedMessage> Appended { get; init; } = [];

    /// <summary>
    /// Status changes made by mutations, by message id (generated or appended): they override the derived status and
    /// <c>updatedOn</c> of those messages and nothing else.
    /// </summary>
    public IReadOnlyDictionary<long, MessageStatusChange> StatusChanges { get; init; } = ReadOnlyDictionary<long, MessageStatusChange>.Empty;

    /// <summary>All messages.</summary>
    public int TotalCount => GeneratedCount + Appended.Count;

    /// <summary>Messages with status sent.</summary>
    public required int SentCount { get; init; }

    /// <summary>Time of the last sent host message.</summary>
    public DateTime? MessageSentOn { get; init; }

    /// <summary>Time of the last guest message.</summary>
    public DateTime? MessageReceivedOn { get; init; }

    /// <summary>Whether the latest guest message is unread.</summary>
    public bool HasUnreadMessages { get; init; }

    /// <summary>Id of the latest sent message (what <c>conversationMessages</c> shows), or null.</summary>
    public long? LatestSentMessageId { get; init; }

    /// <summary>Whether the first messages of this conversation must carry hostile bodies.</summary>
    public bool ForceHostile { get; init; }
}
