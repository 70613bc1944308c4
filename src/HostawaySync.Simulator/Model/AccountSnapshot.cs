using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Model;

/// <summary>
/// One immutable state of the account with every index a request needs. Requests read the current snapshot
/// without locks; a mutation builds a new one and swaps it in, so a page is always computed from one consistent
/// state while mutations run concurrently.
/// </summary>
internal sealed class AccountSnapshot
{
    private readonly Dictionary<long, ListingState> _listingById;
    private readonly Dictionary<long, ListingState> _deletedListingById;
    private readonly Dictionary<long, int> _reservationRowById;
    private readonly Dictionary<long, int> _conversationRowById;
    private readonly Dictionary<long, long[]> _conversationIdsByReservation;
    private readonly SortedIndex[] _reservationIndexes;
    private readonly Dictionary<long, int> _reviewRowById;

    /// <summary>Builds a snapshot and its indexes; the inputs may be in any order.</summary>
    public AccountSnapshot(
        DatasetContext context,
        IEnumerable<ListingState> listings,
        IEnumerable<ReservationState> reservations,
        IEnumerable<ConversationState> conversations,
        IReadOnlyList<Guest> guests,
        IReadOnlyList<ListingState> deletedListings,
        IReadOnlyList<long> deletedReservationIds,
        IdCounters counters,
        IEnumerable<ReviewState> reviews,
        IReadOnlyList<long> deletedReviewIds)
    {
        Context = context;
        Guests = guests;
        DeletedListings = deletedListings;
        DeletedListingIds = [.. deletedListings.Select(l => l.Id)];
        _deletedListingById = deletedListings.ToDictionary(l => l.Id);
        DeletedReservationIds = deletedReservationIds;
        Counters = counters;

        Listings = [.. listings.OrderBy(l => l.Id)];
        _listingById = Listings.ToDictionary(l => l.Id);
        ListingsInDisplayOrder = [.. Listings.OrderBy(l => l.Order).ThenBy(l => l.Id)];

        Reservations = [.. reservations.OrderBy(r => r.Id)];
        _reservationRowById = new Dictionary<long, int>(Reservations.Length);
        for (var i = 0; i < Reservations.Length; i++)
        {
            _reservationRowById.Add(Reservations[i].Id, i);
        }

        _reservationIndexes = [.. Enum.GetValues<ReservationOrder>().Select(BuildReservationIndex)];

        Conversations = [.. conversations.OrderBy(c => c.Id)];
        _conversationRowById = new Dictionary<long, int>(Conversations.Length);
        var shuffleKeys = new long[Conversations.Length];
        long messages = 0, sent = 0;
        for (var i = 0; i < Conversations.Length; i++)
        {
            var conversation = Conversations[i];
            _conversationRowById.Add(conversation.Id, i);
            // A negative value sorts before every hash value: moved conversations lead, the latest move first.
            var position = conversation.FrontRank > 0 ? -conversation.FrontRank : (long)(conversation.ShuffleKey >> 33);
            shuffleKeys[i] = SortedIndex.Key(position, conversation.Id);
            messages += conversation.TotalCount;
            sent += conversation.SentCount;
        }

        ConversationOrder = SortedIndex.Build(shuffleKeys);
        _conversationIdsByReservation = Conversations
            .GroupBy(c => c.ReservationId)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToArray());
        MessageCount = messages;
        SentMessageCount = sent;

        Reviews = [.. reviews.OrderBy(r => r.Id)];
        _reviewRowById = new Dictionary<long, int>(Reviews.Length);
        for (var i = 0; i < Reviews.Length; i++)
        {
            _reviewRowById.Add(Reviews[i].Id, i);
        }

        DeletedReviewIds = deletedReviewIds;
    }

    /// <summary>Seed, account and options.</summary>
    public DatasetContext Context { get; }

    /// <summary>Live listings by id.</summary>
    public ListingState[] Listings { get; }

    /// <summary>Live listings in the default (display) order.</summary>
    public ListingState[] ListingsInDisplayOrder { get; }

    /// <summary>Live reservations by id.</summary>
    public ReservationState[] Reservations { get; }

    /// <summary>Live conversations by id.</summary>
    public ConversationState[] Conversations { get; }

    /// <summary>The conversation list order (a stable shuffle).</summary>
    public SortedIndex ConversationOrder { get; }

    /// <summary>The guest pool, for repeat bookings made by mutations.</summary>
    public IReadOnlyList<Guest> Guests { get; }

    /// <summary>Listings deleted so far, in deletion order.</summary>
    public IReadOnlyList<ListingState> DeletedListings { get; }

    /// <summary>Ids of the listings deleted so far.</summary>
    public IReadOnlyList<long> DeletedListingIds { get; }

    /// <summary>Reservations deleted so far.</summary>
    public IReadOnlyList<long> DeletedReservationIds { get; }

    /// <summary>Next free ids.</summary>
    public IdCounters Counters { get; }

    /// <summary>Live reviews by id.</summary>
    public ReviewState[] Reviews { get; }

    /// <summary>Reviews deleted so far, on their own or with their reservation.</summary>
    public IReadOnlyList<long> DeletedReviewIds { get; }

    /// <summary>All messages of live conversations.</summary>
    public long MessageCount { get; }

    /// <summary>Sent messages of live conversations.</summary>
    public long SentMessageCount { get; }

    /// <summary>The listing with the given id, if it is live.</summary>
    public ListingState? FindListing(long id) => _listingById.GetValueOrDefault(id);

    /// <summary>
    /// The listing, live or deleted. Reservations and messages of a deleted listing stay, and their listing-derived
    /// fields (listingName, currency, time zone) must not change silently, so writers look listings up here.
    /// </summary>
    public ListingState? FindListingForRendering(long id) =>
        _listingById.GetValueOrDefault(id) ?? _deletedListingById.GetValueOrDefault(id);

    /// <summary>The row of a live reservation, or -1.</summary>
    public int ReservationRow(long id) => _reservationRowById.GetValueOrDefault(id, -1);

    /// <summary>The live reservation with the given id.</summary>
    public ReservationState? FindReservation(long id) =>
        _reservationRowById.TryGetValue(id, out var row) ? Reservations[row] : null;

    /// <summary>The row of a live conversation, or -1.</summary>
    public int ConversationRow(long id) => _conversationRowById.GetValueOrDefault(id, -1);

    /// <summary>The live conversation with the given id.</summary>
    public ConversationState? FindConversation(long id) =>
        _conversationRowById.TryGetValue(id, out var row) ? Conversations[row] : null;

    /// <summary>Ids of the reservation's conversations, in id order.</summary>
    public IReadOnlyList<long> ConversationIdsOf(long reservationId) =>
        _conversationIdsByReservation.TryGetValue(reservationId, out var ids) ? ids : [];

    /// <summary>The live review with the given id.</summary>
    public ReviewState? FindReview(long id) =>
        _reviewRowById.TryGetValue(id, out var row) ? Reviews[row] : null;

    /// <summary>The index for a reservation sort key.</summary>
    public SortedIndex ReservationIndex(ReservationOrder order) => _reservationIndexes[(int)order];

    private SortedIndex BuildReservationIndex(ReservationOrder order)
    {
        var keys = new long[Reservations.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var r = Reservations[i];
            var value = order switch
            {
                ReservationOrder.UpdatedOn => Timestamps.SortSeconds(r.UpdatedOn),
                ReservationOrder.ArrivalDate => r.Arrival.DayNumber,
                ReservationOrder.LastMessageSent => Timestamps.SortSeconds(r.LastMessageSentOn),
                ReservationOrder.LastMessageReceived => Timestamps.SortSeconds(r.LastMessageReceivedOn),
                _ => Timestamps.SortSeconds(r.LatestActivityOn),
            };
            keys[i] = SortedIndex.Key(value, r.Id);
        }

        return SortedIndex.Build(keys);
    }
}
