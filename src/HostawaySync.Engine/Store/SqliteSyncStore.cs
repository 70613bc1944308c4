using HostawaySync.Engine.Errors;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// The SQLite store of a sync run: it owns the run's one write connection and hands out units of work on it. SQLite
/// failures stay SQLite's inside; <see cref="AsStoreError"/> turns them into the store's user-facing errors.
/// </summary>
internal sealed class SqliteSyncStore : ISyncStore
{
    private readonly SqliteConnection _connection;
    private readonly string _databasePath;

    private SqliteSyncStore(SqliteConnection connection, string databasePath)
    {
        _connection = connection;
        _databasePath = databasePath;
    }

    /// <summary>Opens the database (initialized already, the writer lock held) for a sync run; a database that refuses fails with the store's error id.</summary>
    public static ISyncStore OpenForWriting(string databasePath)
    {
        try
        {
            return new SqliteSyncStore(StoreConnection.OpenForWriting(databasePath, SqliteOpenMode.ReadWrite, pooling: false), databasePath);
        }
        catch (SqliteException exception) when (StoreErrors.FromSqlite(databasePath, exception) is { } storeError)
        {
            throw storeError;
        }
    }

    /// <summary>Opens an existing database to read its state and counts; nothing is written through it.</summary>
    public static ISyncStore OpenForReading(string databasePath) => new SqliteSyncStore(StoreConnection.OpenExisting(databasePath), databasePath);

    public IStoreWork Begin() => new SqliteStoreWork(_connection);

    public IStorePages BeginPages(TimeProvider time) => new PageTransaction(_connection, time);

    public HostawayException? AsStoreError(Exception exception) =>
        exception is SqliteException sqlite ? StoreErrors.FromSqlite(_databasePath, sqlite) : null;

    public bool IsStoreFailure(Exception exception) => exception is SqliteException;

    public SyncStateRow? ReadState(string resource) => SyncBookkeeping.ReadState(_connection, resource);

    public int SeenCount(string resource) => SyncBookkeeping.SeenCount(_connection, resource);

    public IReadOnlyList<long> Unseen(string resource, StoreTable table) => SyncBookkeeping.Unseen(_connection, resource, table);

    public IReadOnlyList<long> UnseenReviewsDepartingSince(string resource, string since) => SyncBookkeeping.UnseenReviewsDepartingSince(_connection, resource, since);

    public long LiveCount(StoreTable table) => SyncBookkeeping.LiveCount(_connection, table);

    public IReadOnlyList<long> ReservationsWithoutSeenConversation(string resource) => SyncBookkeeping.ReservationsWithoutSeenConversation(_connection, resource);

    public IReadOnlyList<long> ListedReservations() => ConversationProgress.ListedReservations(_connection);

    public IReadOnlyList<long> ConversationsDueForMessages(string doneResource) => ConversationProgress.DueForMessages(_connection, doneResource);

    public IReadOnlyList<long> ReservationsWithNewActivity(string horizon) => ConversationProgress.ReservationsWithNewActivity(_connection, horizon);

    public string? NewestReservationActivity() => ConversationProgress.NewestActivity(_connection);

    public IReadOnlyList<string> ConversationFilePaths() => ConversationProgress.FilePaths(_connection);

    public IReadOnlyList<(string Path, string DeletedAt)> DeletedConversationFiles() => ConversationProgress.DeletedFiles(_connection);

    public ConversationFileFacts ConversationFile(long conversationId) => ConversationProgress.FileFacts(_connection, conversationId);

    public IReadOnlyList<ConversationFileFacts> ReconcileCandidates() => ConversationProgress.ReconcileCandidates(_connection);

    public IReadOnlyList<(string Path, long Length, string LastWrite)> IndexedLegacyFiles() => ChatLogIndex.Known(_connection);

    public IReadOnlyList<string> SearchBackfillFiles(string after) => MessageSearchIndex.BackfillFiles(_connection, after);

    public long SearchBackfillMessages(string after) => MessageSearchIndex.BackfillMessages(_connection, after);

    public int CloseInterruptedLogs(string now) => SyncLogWriter.CloseInterrupted(_connection, now);

    public long OpenLog(string runId, string resource, string mode, string now, string? cursorBefore, string? moduleVersion) =>
        SyncLogWriter.Open(_connection, runId, resource, mode, now, cursorBefore, moduleVersion);

    public void CloseLog(long logId, SyncLogRecord record, string now) => SyncLogWriter.Close(_connection, logId, record, now);

    public void Dispose() => _connection.Dispose();
}
