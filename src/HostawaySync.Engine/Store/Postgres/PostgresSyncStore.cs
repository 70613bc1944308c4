using Dapper;
using HostawaySync.Engine.Errors;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// The PostgreSQL store of a sync run: one connection for the run, its search_path set to HostawaySync's schema, and
/// units of work on it. Npgsql failures stay Npgsql's inside; <see cref="AsStoreError"/> turns them into the store's
/// user-facing errors (the same ids as the initializer's).
/// </summary>
internal sealed class PostgresSyncStore : ISyncStore
{
    private readonly NpgsqlConnection _connection;
    private readonly PostgresTarget _target;
    private readonly PostgresWriterLock? _writerLock;

    private PostgresSyncStore(NpgsqlConnection connection, PostgresTarget target, PostgresWriterLock? writerLock = null)
    {
        _connection = connection;
        _target = target;
        _writerLock = writerLock;
    }

    /// <summary>Initializes the schema (creating or migrating it), then opens the run's connection to it.</summary>
    public static PostgresSyncStore Open(string connectionString, string schema = PostgresTarget.DefaultSchema, string? moduleVersion = null) =>
        Open(PostgresTarget.Parse(connectionString, schema), moduleVersion, initialize: true);

    /// <summary>
    /// Opens the run's connection to the schema, initializing (creating or migrating) it first when asked. With the run's
    /// <paramref name="writerLock"/>, every unit of work checks before it commits that the lock is still held.
    /// </summary>
    public static PostgresSyncStore Open(PostgresTarget target, string? moduleVersion, bool initialize, PostgresWriterLock? writerLock = null)
    {
        if (initialize)
        {
            PostgresDatabaseInitializer.Initialize(target, moduleVersion);
        }

        return new PostgresSyncStore(PostgresConnections.Open(target, syncWriter: true), target, writerLock);
    }

    /// <summary>Opens an existing schema (never creating one): for reading.</summary>
    public static PostgresSyncStore OpenExisting(PostgresTarget target) => new(PostgresConnections.OpenExisting(target), target);

    // One tokenizer (an in-memory SQLite FTS5 table) for the run's units of work, which run one at a time on its connection:
    // a unit of work per conversation each making its own cost more than indexing the conversation's messages.
    private SearchTokenizer? _tokenizer;

    public IStoreWork Begin() => new PostgresStoreWork(_connection, _writerLock, () => _tokenizer ??= new SearchTokenizer());

    public IStorePages BeginPages(TimeProvider time) => new PostgresPageTransaction(this);

    public HostawayException? AsStoreError(Exception exception) => exception is NpgsqlException ? PostgresErrors.FromNpgsql(_target, exception) : null;

    public bool IsStoreFailure(Exception exception) => exception is NpgsqlException;

    public SyncStateRow? ReadState(string resource) => PostgresBookkeeping.ReadState(_connection, resource);

    public int SeenCount(string resource) => PostgresBookkeeping.SeenCount(_connection, resource);

    public IReadOnlyList<long> Unseen(string resource, StoreTable table) => PostgresBookkeeping.Unseen(_connection, resource, table);

    public IReadOnlyList<long> UnseenReviewsDepartingSince(string resource, string since) => PostgresBookkeeping.UnseenReviewsDepartingSince(_connection, resource, since);

    public long LiveCount(StoreTable table) => PostgresBookkeeping.LiveCount(_connection, table);

    public IReadOnlyList<long> ReservationsWithoutSeenConversation(string resource) => PostgresBookkeeping.ReservationsWithoutSeenConversation(_connection, resource);

    public IReadOnlyList<long> ListedReservations() => PostgresConversationProgress.ListedReservations(_connection);

    public IReadOnlyList<long> ConversationsDueForMessages(string doneResource) => PostgresConversationProgress.DueForMessages(_connection, doneResource);

    public IReadOnlyList<long> ReservationsWithNewActivity(string horizon) => PostgresConversationProgress.ReservationsWithNewActivity(_connection, horizon);

    public string? NewestReservationActivity() => PostgresConversationProgress.NewestActivity(_connection);

    public IReadOnlyList<string> ConversationFilePaths() => PostgresConversationProgress.FilePaths(_connection);

    public IReadOnlyList<(string Path, string DeletedAt)> DeletedConversationFiles() => PostgresConversationProgress.DeletedFiles(_connection);

    public ConversationFileFacts ConversationFile(long conversationId) => PostgresConversationProgress.FileFacts(_connection, conversationId);

    public IReadOnlyList<ConversationFileFacts> ReconcileCandidates() => PostgresConversationProgress.ReconcileCandidates(_connection);

    public IReadOnlyList<(string Path, long Length, string LastWrite)> IndexedLegacyFiles() =>
        _connection.Query<(string Path, long Length, string LastWrite)>(
            $"SELECT file_path, length, {PostgresClock.Text("last_write_utc")} FROM conversation_file_index;").AsList();

    public IReadOnlyList<string> SearchBackfillFiles(string after) =>
        _connection.Query<string>("SELECT DISTINCT file_path FROM messages_metadata WHERE file_path > @After ORDER BY file_path;", new { After = after }).AsList();

    public long SearchBackfillMessages(string after) =>
        _connection.ExecuteScalar<long>("SELECT count(*) FROM messages_metadata WHERE file_path > @After;", new { After = after });

    public int CloseInterruptedLogs(string now) => PostgresSyncLog.CloseInterrupted(_connection, now);

    public long OpenLog(string runId, string resource, string mode, string now, string? cursorBefore, string? moduleVersion) =>
        PostgresSyncLog.Open(_connection, runId, resource, mode, now, cursorBefore, moduleVersion);

    public void CloseLog(long logId, SyncLogRecord record, string now) => PostgresSyncLog.Close(_connection, logId, record, now);

    public void Dispose()
    {
        _tokenizer?.Dispose();
        _connection.Dispose();
    }
}
