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
}
