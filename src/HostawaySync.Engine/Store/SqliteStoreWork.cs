using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Conversations;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>A unit of work in the SQLite store: one transaction on the store's connection.</summary>
internal sealed class SqliteStoreWork : IStoreWork
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    // Prepared on first use and kept for the unit: the search backfill indexes thousands of messages in one.
    private PreparedStatement? _searchUpsert;

    public SqliteStoreWork(SqliteConnection connection)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction();
    }

    public void Commit()
    {
        ReleaseStatements();
        _transaction.Commit();
    }

    public void Dispose()
    {
        ReleaseStatements();
        _transaction.Dispose();
    }

    public UpsertCounts WriteListings(IReadOnlyList<HostawayListing> listings, bool storePhotos, string now) =>
        ListingWriter.Write(_connection, _transaction, listings, storePhotos, now);

    public UpsertCounts WriteReservations(IReadOnlyList<HostawayReservation> reservations, string now) =>
        ReservationWriter.Write(_connection, _transaction, reservations, now);

    public UpsertCounts WriteConversations(IReadOnlyList<HostawayConversation> conversations, string now) =>
        ConversationWriter.Write(_connection, _transaction, conversations, now);

    public UpsertCounts WriteReviews(IReadOnlyList<HostawayReview> reviews, string now) =>
        ReviewWriter.Write(_connection, _transaction, reviews, now);

    public int WriteMessages(long conversationId, IReadOnlyList<HostawayMessage> messages, ConversationFileWriteResult file, string now) =>
        MessageWriter.Write(_connection, _transaction, conversationId, messages, file, now).Added;

    public void SetConversationFile(long conversationId, string relativePath, int messageCount) =>
        ConversationProgress.SetFile(_connection, _transaction, conversationId, relativePath, messageCount);

    public void StampConversationFile(long conversationId, ConversationFileStamp stamp, bool messagesStored) =>
        ConversationProgress.StampFile(_connection, _transaction, conversationId, stamp, messagesStored);

    public void MarkAllConversationsSynced() => ConversationProgress.MarkAllSynced(_connection, _transaction);

    public void SaveCheckpoint(string resource, string? checkpoint, string now) => SyncBookkeeping.SaveCheckpoint(_connection, _transaction, resource, checkpoint, now);

    public void CompletePass(string resource, string? cursor, bool full, string now) => SyncBookkeeping.CompletePass(_connection, _transaction, resource, cursor, full, now);

    public void ClearSeen(string resource) => SyncBookkeeping.ClearSeen(_connection, _transaction, resource);

    public void MarkSeen(string resource, IEnumerable<long> ids) => SyncBookkeeping.MarkSeen(_connection, _transaction, resource, ids);

    public int SoftDelete(StoreTable table, IReadOnlyCollection<long> ids, string now) => SyncBookkeeping.SoftDelete(_connection, _transaction, table, ids, now);

    public int SoftDeleteReservations(IReadOnlyCollection<long> ids, string now) => ReservationWriter.SoftDelete(_connection, _transaction, ids, now);

    public void ForgetConversationsChangedSince(string doneResource, string listedSince) =>
        ConversationProgress.ForgetChangedSince(_connection, _transaction, doneResource, listedSince);

    public void MarkConversationlessReservationsSynced() => ConversationProgress.MarkConversationlessSynced(_connection, _transaction);

    public void MarkConversationsSynced(long reservationId) => ConversationProgress.MarkSynced(_connection, _transaction, reservationId);

    public void MarkConversationsSyncedIfMoved(long reservationId) => ConversationProgress.MarkSyncedIfMoved(_connection, _transaction, reservationId);

    public int IndexLegacyFile(IndexedConversationFile file, string lastWrite, string now) => ChatLogIndex.Index(_connection, _transaction, file, lastWrite, now);

    public void ForgetLegacyFiles(IReadOnlyList<string> relativePaths) => ChatLogIndex.Forget(_connection, _transaction, relativePaths);

    public IReadOnlyList<(long Id, int? Position)> MessagesInFile(string relativePath) => MessageSearchIndex.MessagesIn(_connection, _transaction, relativePath);

    public ILookup<string, (long Id, int? Position)> MessagesInFiles(IReadOnlyList<string> relativePaths) =>
        relativePaths.Distinct(StringComparer.Ordinal).SelectMany(path => MessagesInFile(path).Select(m => (Path: path, Message: m))).ToLookup(m => m.Path, m => m.Message, StringComparer.Ordinal);

    public void IndexMessageText(long messageId, string text)
    {
        _searchUpsert ??= MessageSearchIndex.PrepareUpsert(_connection, _transaction);
        _searchUpsert.Execute(messageId, text);
    }

    // One prepared statement for the unit, executed per message: SQLite runs in the process, a statement costs no round trip.
    public void IndexMessageTexts(IReadOnlyList<(long Id, string Text)> messages)
    {
        foreach (var (id, text) in messages)
        {
            IndexMessageText(id, text);
        }
    }

    public void MarkUnindexed(IReadOnlyList<long> messageIds) => MessageSearchIndex.MarkUnindexed(_connection, _transaction, messageIds);

    public void FinishSearchBackfill() => MessageSearchIndex.FinishBackfill(_connection, _transaction);

    private void ReleaseStatements()
    {
        _searchUpsert?.Dispose();
        _searchUpsert = null;
    }
}
