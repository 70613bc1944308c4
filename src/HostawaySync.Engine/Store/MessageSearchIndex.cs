using Dapper;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// Writes to message_search, the contentless FTS5 index of message text (schema version 3). Its rowid is the
/// message id. Callers write it in the transaction that writes the message's metadata, so the two never disagree.
/// </summary>
internal static class MessageSearchIndex
{
    /// <summary>The sync_state row that says the index still has to be built from the files (databases upgraded from version 2).</summary>
    public const string BackfillResource = "message_search_backfill";

    /// <summary>The tokenizer of message_search, as migration 0003 declares it; snippets are cut with the same one.</summary>
    public const string Tokenizer = "porter unicode61 remove_diacritics 2";

    /// <summary>Adds a message or replaces its terms: contentless_delete makes REPLACE remove the old terms first.</summary>
    private const string UpsertSql = "INSERT OR REPLACE INTO message_search (rowid, body) VALUES ($p0, $p1);";

    /// <summary>A statement that indexes (message id, text) pairs; dispose it with the transaction's work.</summary>
    public static PreparedStatement PrepareUpsert(SqliteConnection connection, SqliteTransaction transaction) => new(connection, transaction, UpsertSql, 2);

    /// <summary>Takes messages out of the index (ids not in it are ignored).</summary>
    public static void Remove(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<long> messageIds)
    {
        if (messageIds.Count > 0)
        {
            connection.Execute("DELETE FROM message_search WHERE rowid = @Id;", messageIds.Select(id => new { Id = id }), transaction);
        }
    }

    /// <summary>The files whose messages the backfill has still to index: those after <paramref name="after"/>, its checkpoint.</summary>
    public static IReadOnlyList<string> BackfillFiles(SqliteConnection connection, string after) =>
        connection.Query<string>("SELECT DISTINCT file_path FROM messages_metadata WHERE file_path > @After ORDER BY file_path;", new { After = after }).AsList();

    /// <summary>The messages in those files.</summary>
    public static long BackfillMessages(SqliteConnection connection, string after) =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM messages_metadata WHERE file_path > @After;", new { After = after });

    /// <summary>The messages stored from one file, with their position in it.</summary>
    public static IReadOnlyList<(long Id, int? Position)> MessagesIn(SqliteConnection connection, SqliteTransaction transaction, string filePath) =>
        connection.Query<(long Id, int? Position)>(
            "SELECT message_id, file_position FROM messages_metadata WHERE file_path = @Path;", new { Path = filePath }, transaction).AsList();

    /// <summary>Messages whose text could not be read: a null body_hash makes the next sync that stores them index them.</summary>
    public static void MarkUnindexed(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<long> messageIds) =>
        connection.Execute("UPDATE messages_metadata SET body_hash = NULL WHERE message_id = @Id;", messageIds.Select(id => new { Id = id }), transaction);

    /// <summary>Removes the backfill marker: the index is built.</summary>
    public static void FinishBackfill(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute("DELETE FROM sync_state WHERE resource = @Resource;", new { Resource = BackfillResource }, transaction);
}
