using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// message_search in PostgreSQL: one tsvector per message holding the terms SQLite's FTS5 tokenizer finds in its text, at
/// FTS5's positions (<see cref="SearchTokenizer"/>, <see cref="PostgresSearchTerms"/>), and its token count, and the
/// collection totals FTS5 keeps, so search matches and ranks as in SQLite. Written in the transaction that writes the
/// message's metadata, as in SQLite.
/// </summary>
internal sealed class PostgresMessageSearch(NpgsqlConnection connection, NpgsqlTransaction transaction) : IDisposable
{
    // The totals grow with every message indexed, as FTS5's do (see migration 0001).
    private const string UpsertSql = """
        WITH indexed AS (
            INSERT INTO message_search (message_id, body, tokens) VALUES (@Id, CAST(@Body AS tsvector), @Tokens)
            ON CONFLICT (message_id) DO UPDATE SET body = excluded.body, tokens = excluded.tokens)
        UPDATE message_search_totals SET indexed_messages = indexed_messages + 1, indexed_tokens = indexed_tokens + @Tokens;
        """;

    private SearchTokenizer? _tokenizer;

    /// <summary>Adds a message's terms or replaces them.</summary>
    public void Upsert(long messageId, string text)
    {
        var (vector, tokens) = PostgresSearchTerms.Vector((_tokenizer ??= new SearchTokenizer()).Tokens(text));
        connection.Execute(UpsertSql, new { Id = messageId, Body = vector, Tokens = tokens }, transaction);
    }

    public void Dispose() => _tokenizer?.Dispose();

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
