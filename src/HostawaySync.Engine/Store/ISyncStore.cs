using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Store;

/// <summary>
/// A sync run's session with its store: everything the syncers read outside a unit of work, the units of work
/// themselves, and the sync log. The syncers see only this contract and the store's own types, never a connection or
/// a statement, so another database can stand behind the same engine.
/// </summary>
internal interface ISyncStore : IDisposable
{
    /// <summary>Starts a unit of work: all of it is stored (<see cref="IStoreWork.Commit"/>), or none of it.</summary>
    IStoreWork Begin();

    /// <summary>Starts storing the pages of one pass, consecutive pages sharing units of work (see <see cref="IStorePages"/>).</summary>
    IStorePages BeginPages(TimeProvider time);

    /// <summary>The user-facing error for a failure of this store (read-only, locked, damaged...), or null when it is not one the user can act on.</summary>
    HostawayException? AsStoreError(Exception exception);

    /// <summary>Whether <paramref name="exception"/> is this store's own failure, whatever its cause.</summary>
    bool IsStoreFailure(Exception exception);

    /// <summary>A resource's cursor, checkpoint and last success; null before its first pass.</summary>
    SyncStateRow? ReadState(string resource);

    /// <summary>How many objects the pass of <paramref name="resource"/> has seen.</summary>
    int SeenCount(string resource);

    /// <summary>Live rows of <paramref name="table"/> the pass of <paramref name="resource"/> did not see.</summary>
    IReadOnlyList<long> Unseen(string resource, StoreTable table);

    /// <summary>Live reviews departing on or after <paramref name="since"/> (a date) that the pass of <paramref name="resource"/> did not see.</summary>
    IReadOnlyList<long> UnseenReviewsDepartingSince(string resource, string since);

    /// <summary>Live rows of <paramref name="table"/> (placeholder listings not counted).</summary>
    long LiveCount(StoreTable table);

    /// <summary>Live reservations none of whose conversations the pass of <paramref name="resource"/> has seen.</summary>
    IReadOnlyList<long> ReservationsWithoutSeenConversation(string resource);

    /// <summary>Live reservations the API listed (not placeholders), by id.</summary>
    IReadOnlyList<long> ListedReservations();

    /// <summary>Live conversations whose messages the full pass recorded under <paramref name="doneResource"/> has not stored yet.</summary>
    IReadOnlyList<long> ConversationsDueForMessages(string doneResource);

    /// <summary>Live reservations whose activity moved since their conversations were fetched, or active since <paramref name="horizon"/>.</summary>
    IReadOnlyList<long> ReservationsWithNewActivity(string horizon);

    /// <summary>The latest activity among live reservations (store time text), or null.</summary>
    string? NewestReservationActivity();

    /// <summary>The relative paths of the files synced conversations own.</summary>
    IReadOnlyList<string> ConversationFilePaths();

    /// <summary>
    /// The files of the conversations that count as deleted (the conversation, or its reservation, is deleted), by path,
    /// each with the earliest of those deletion times (store time text).
    /// </summary>
    IReadOnlyList<(string Path, string DeletedAt)> DeletedConversationFiles();

    /// <summary>What a conversation's file header says, and the file it already has.</summary>
    ConversationFileFacts ConversationFile(long conversationId);

    /// <summary>
    /// Every live conversation (of a live or unknown reservation) with its header facts, its file as last written and whether
    /// its list entry changed since its messages were stored: what a reconcile checks.
    /// </summary>
    IReadOnlyList<ConversationFileFacts> ReconcileCandidates();

    /// <summary>The conversation files indexed by the chat-log import, with the size and time they had then.</summary>
    IReadOnlyList<(string Path, long Length, string LastWrite)> IndexedLegacyFiles();

    /// <summary>The files whose messages the search backfill has still to index (those after <paramref name="after"/>).</summary>
    IReadOnlyList<string> SearchBackfillFiles(string after);

    /// <summary>How many messages those files hold.</summary>
    long SearchBackfillMessages(string after);

    /// <summary>Closes the sync log rows a process that died left running; returns how many.</summary>
    int CloseInterruptedLogs(string now);

    /// <summary>Opens a sync log row (Running); returns its id.</summary>
    long OpenLog(string runId, string resource, string mode, string now, string? cursorBefore, string? moduleVersion);

    /// <summary>Closes a sync log row with its outcome.</summary>
    void CloseLog(long logId, SyncLogRecord record, string now);
}
