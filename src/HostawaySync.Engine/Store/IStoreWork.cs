using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Conversations;

namespace HostawaySync.Engine.Store;

/// <summary>
/// One unit of work in the store (a transaction): a page with its checkpoint, a pass's end with its cursor. Disposed
/// without <see cref="Commit"/>, none of it is stored. The <c>now</c> arguments are the store's time text.
/// </summary>
internal interface IStoreWork : IDisposable
{
    /// <summary>Stores everything done in this unit.</summary>
    void Commit();

    /// <summary>Upserts listings (with their photos when <paramref name="storePhotos"/>); returns what changed.</summary>
    UpsertCounts WriteListings(IReadOnlyList<HostawayListing> listings, bool storePhotos, string now);

    /// <summary>Upserts reservations and the guests derived from them; returns what changed.</summary>
    UpsertCounts WriteReservations(IReadOnlyList<HostawayReservation> reservations, string now);

    /// <summary>Upserts conversations; returns what changed.</summary>
    UpsertCounts WriteConversations(IReadOnlyList<HostawayConversation> conversations, string now);

    /// <summary>Upserts reviews with their category ratings and search terms; returns what changed.</summary>
    UpsertCounts WriteReviews(IReadOnlyList<HostawayReview> reviews, string now);

    /// <summary>Stores a conversation's message metadata (and search index) after its file was written; returns the messages new to the store.</summary>
    int WriteMessages(long conversationId, IReadOnlyList<HostawayMessage> messages, ConversationFileWriteResult file, string now);

    /// <summary>Records a conversation's file and message count.</summary>
    void SetConversationFile(long conversationId, string relativePath, int messageCount);

    /// <summary>
    /// Records what a conversation's file holds as written; <paramref name="messagesStored"/>: the file was written from
    /// messages just fetched, so the conversation's list entry as stored now is the one its messages match.
    /// </summary>
    void StampConversationFile(long conversationId, ConversationFileStamp stamp, bool messagesStored);

    /// <summary>Marks the conversations of every live reservation synced at its latest activity (after a complete reconcile).</summary>
    void MarkAllConversationsSynced();

    /// <summary>Saves the in-progress checkpoint of a pass.</summary>
    void SaveCheckpoint(string resource, string? checkpoint, string now);

    /// <summary>Ends a pass: the new cursor replaces the old, the checkpoint goes.</summary>
    void CompletePass(string resource, string? cursor, bool full, string now);

    /// <summary>Forgets the ids the pass of <paramref name="resource"/> has seen.</summary>
    void ClearSeen(string resource);

    /// <summary>Records ids as seen by the pass of <paramref name="resource"/>.</summary>
    void MarkSeen(string resource, IEnumerable<long> ids);

    /// <summary>Marks rows deleted (never removes them); returns how many changed.</summary>
    int SoftDelete(StoreTable table, IReadOnlyCollection<long> ids, string now);

    /// <summary>Marks reservations deleted and refreshes the guests who lose a stay; returns how many changed.</summary>
    int SoftDeleteReservations(IReadOnlyCollection<long> ids, string now);

    /// <summary>Makes a resumed full pass fetch again the conversations that changed since the interrupted run stored them.</summary>
    void ForgetConversationsChangedSince(string doneResource, string listedSince);

    /// <summary>Marks the conversations of live reservations that have none as synced.</summary>
    void MarkConversationlessReservationsSynced();

    /// <summary>Marks a reservation's conversations synced at its latest activity.</summary>
    void MarkConversationsSynced(long reservationId);

    /// <summary>As <see cref="MarkConversationsSynced"/>, writing only a marker that moved.</summary>
    void MarkConversationsSyncedIfMoved(long reservationId);

    /// <summary>Indexes a conversation file no synced conversation owns; returns the messages indexed.</summary>
    int IndexLegacyFile(IndexedConversationFile file, string lastWrite, string now);

    /// <summary>Removes indexed chat logs that disappeared, with their messages.</summary>
    void ForgetLegacyFiles(IReadOnlyList<string> relativePaths);

    /// <summary>The messages stored from one file, with their position in it.</summary>
    IReadOnlyList<(long Id, int? Position)> MessagesInFile(string relativePath);

    /// <summary>The messages stored from each of these files, with their position in it (a file with none has none).</summary>
    ILookup<string, (long Id, int? Position)> MessagesInFiles(IReadOnlyList<string> relativePaths);

    /// <summary>Adds a message's text to the search index, or replaces it.</summary>
    void IndexMessageText(long messageId, string text);

    /// <summary>
    /// Adds messages' texts to the search index or replaces them, in fewer statements than one each: the index (and
    /// PostgreSQL's collection totals) end as <see cref="IndexMessageText"/> called for each message in turn leaves them.
    /// </summary>
    void IndexMessageTexts(IReadOnlyList<(long Id, string Text)> messages);

    /// <summary>Marks messages whose text could not be indexed, so the next sync that stores them does.</summary>
    void MarkUnindexed(IReadOnlyList<long> messageIds);

    /// <summary>Records that the search index backfill is done.</summary>
    void FinishSearchBackfill();
}
