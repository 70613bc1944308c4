using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// message_search in PostgreSQL: one tsvector per message, built by the schema's own text search configuration (its
/// name is the validated schema name plus a constant, so it can sit in the SQL). Written in the transaction that writes
/// the message's metadata, as in SQLite.
/// </summary>
internal sealed class PostgresMessageSearch(NpgsqlConnection connection, NpgsqlTransaction transaction, string configuration)
{
    private readonly string _upsertSql =
        $"INSERT INTO message_search (message_id, body) VALUES (@Id, to_tsvector('{configuration}', @Body)) ON CONFLICT (message_id) DO UPDATE SET body = excluded.body;";

    /// <summary>Adds a message's terms or replaces them.</summary>
    public void Upsert(long messageId, string text) => connection.Execute(_upsertSql, new { Id = messageId, Body = text }, transaction);

    /// <summary>Takes messages out of the index (ids not in it are ignored).</summary>
    public void Remove(IReadOnlyCollection<long> messageIds)
    {
        if (messageIds.Count > 0)
        {
            connection.Execute("DELETE FROM message_search WHERE message_id = ANY(@Ids);", new { Ids = messageIds.ToArray() }, transaction);
        }
    }

    public IReadOnlyList<(long Id, int? Position)> MessagesIn(string filePath) =>
        connection.Query<(long Id, int? Position)>(
            "SELECT message_id, file_position FROM messages_metadata WHERE file_path = @Path;", new { Path = filePath }, transaction).AsList();

    public void MarkUnindexed(IReadOnlyList<long> messageIds) =>
        connection.Execute("UPDATE messages_metadata SET body_hash = NULL WHERE message_id = ANY(@Ids);", new { Ids = messageIds.ToArray() }, transaction);

    public void FinishBackfill() =>
        connection.Execute("DELETE FROM sync_state WHERE resource = @Resource;", new { Resource = MessageSearchIndex.BackfillResource }, transaction);
}
