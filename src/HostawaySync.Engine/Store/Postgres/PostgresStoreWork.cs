using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Conversations;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>A unit of work in the PostgreSQL store: one transaction on the run's connection.</summary>
internal sealed class PostgresStoreWork : IStoreWork
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly PostgresMessageSearch _search;
    private readonly PostgresMessageSearch _reviewSearch;
    private readonly PostgresWriterLock? _writerLock;

    /// <param name="connection">The run's connection; the unit of work begins a transaction on it.</param>
    /// <param name="writerLock">The run's writer lock, checked before each commit; null where no lock is held (tests, copies).</param>
    /// <param name="tokenizer">The store's search tokenizer, shared by its units of work; null for one of this unit's own.</param>
    public PostgresStoreWork(NpgsqlConnection connection, PostgresWriterLock? writerLock = null, Func<SearchTokenizer>? tokenizer = null)
    {
        _connection = connection;
        _writerLock = writerLock;
        _transaction = connection.BeginTransaction();
        _search = new PostgresMessageSearch(connection, _transaction, tokenizer);
        _reviewSearch = new PostgresMessageSearch(connection, _transaction, tokenizer ?? (() => _search.Tokenizer), PostgresSearchTable.Reviews);
    }

    public void Commit()
    {
        _writerLock?.EnsureHeld(_connection, _transaction);
        _transaction.Commit();
    }

    public void Dispose()
    {
        _reviewSearch.Dispose();
        _search.Dispose();
        _transaction.Dispose();
    }

    public UpsertCounts WriteListings(IReadOnlyList<HostawayListing> listings, bool storePhotos, string now) =>
        PostgresListingWriter.Write(_connection, _transaction, listings, storePhotos, now);

    public UpsertCounts WriteReservations(IReadOnlyList<HostawayReservation> reservations, string now) =>
        PostgresReservationWriter.Write(_connection, _transaction, reservations, now);

    public UpsertCounts WriteConversations(IReadOnlyList<HostawayConversation> conversations, string now) =>
        PostgresConversationWriter.Write(_connection, _transaction, conversations, now);

    public UpsertCounts WriteReviews(IReadOnlyList<HostawayReview> reviews, string now) =>
        PostgresReviewWriter.Write(_connection, _transaction, _reviewSearch, reviews, now);

    public int WriteMessages(long conversationId, IReadOnlyList<HostawayMessage> messages, ConversationFileWriteResult file, string now) =>
        PostgresMessageWriter.Write(_connection, _transaction, _search, conversationId, messages, file, now);

    public void SetConversationFile(long conversationId, string relativePath, int messageCount) =>
        PostgresConversationProgress.SetFile(_connection, _transaction, conversationId, relativePath, messageCount);

    public void StampConversationFile(long conversationId, ConversationFileStamp stamp, bool messagesStored) =>
        PostgresConversationProgress.StampFile(_connection, _transaction, conversationId, stamp, messagesStored);

    public void MarkAllConversationsSynced() => PostgresConversationProgress.MarkAllSynced(_connection, _transaction);

    public void SaveCheckpoint(string resource, string? checkpoint, string now) => PostgresBookkeeping.SaveCheckpoint(_connection, _transaction, resource, checkpoint, now);

    public void CompletePass(string resource, string? cursor, bool full, string now) => PostgresBookkeeping.CompletePass(_connection, _transaction, resource, cursor, full, now);

    public void ClearSeen(string resource) => PostgresBookkeeping.ClearSeen(_connection, _transaction, resource);

    public void MarkSeen(string resource, IEnumerable<long> ids) => PostgresBookkeeping.MarkSeen(_connection, _transaction, resource, ids);

    public int SoftDelete(StoreTable table, IReadOnlyCollection<long> ids, string now) => PostgresBookkeeping.SoftDelete(_connection, _transaction, table, ids, now);

    public int SoftDeleteReservations(IReadOnlyCollection<long> ids, string now) => PostgresReservationWriter.SoftDelete(_connection, _transaction, ids, now);

    public void ForgetConversationsChangedSince(string doneResource, string listedSince) =>
        PostgresConversationProgress.ForgetChangedSince(_connection, _transaction, doneResource, listedSince);

    public void MarkConversationlessReservationsSynced() => PostgresConversationProgress.MarkConversationlessSynced(_connection, _transaction);

    public void MarkConversationsSynced(long reservationId) => PostgresConversationProgress.MarkSynced(_connection, _transaction, reservationId, onlyIfMoved: false);

    public void MarkConversationsSyncedIfMoved(long reservationId) => PostgresConversationProgress.MarkSynced(_connection, _transaction, reservationId, onlyIfMoved: true);

    public int IndexLegacyFile(IndexedConversationFile file, string lastWrite, string now) =>
        PostgresChatLogIndex.Index(_connection, _transaction, _search, file, lastWrite, now);

    public void ForgetLegacyFiles(IReadOnlyList<string> relativePaths) => PostgresChatLogIndex.Forget(_connection, _transaction, relativePaths);

    public IReadOnlyList<(long Id, int? Position)> MessagesInFile(string relativePath) => _search.MessagesIn(relativePath);

    public ILookup<string, (long Id, int? Position)> MessagesInFiles(IReadOnlyList<string> relativePaths) => _search.MessagesIn(relativePaths);

    public void IndexMessageText(long messageId, string text) => _search.Upsert(messageId, text);

    public void IndexMessageTexts(IReadOnlyList<(long Id, string Text)> messages) => _search.Upsert(messages);

    public void MarkUnindexed(IReadOnlyList<long> messageIds) => _search.MarkUnindexed(messageIds);

    public void FinishSearchBackfill() => _search.FinishBackfill();
}
