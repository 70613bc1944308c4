using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// message_search in PostgreSQL: one tsvector per message holding the terms SQLite's FTS5 tokenizer finds in its text, at
/// FTS5's positions (<see cref="SearchTokenizer"/>, <see cref="PostgresSearchTerms"/>), and its token count, and the
/// collection totals FTS5 keeps, so search matches and ranks as in SQLite. Written in the transaction that writes the
/// message's metadata, as in SQLite. The tokenizer (an in-memory SQLite database) is the store's, shared by its units of
/// work when given; otherwise made on first use and disposed with this object.
/// </summary>
internal sealed class PostgresMessageSearch(NpgsqlConnection connection, NpgsqlTransaction transaction, Func<SearchTokenizer>? sharedTokenizer = null, PostgresSearchTable? table = null) : IDisposable
{
    /// <summary>Messages indexed by one statement: their terms travel as arrays, a few hundred kilobytes at a time.</summary>
    private const int UpsertBatch = 500;

    private readonly PostgresSearchTable _table = table ?? PostgresSearchTable.Messages;

    private SearchTokenizer? _tokenizer;

    /// <summary>The tokenizer this index writes with (the shared one, or its own made on first use).</summary>
    public SearchTokenizer Tokenizer => sharedTokenizer?.Invoke() ?? (_tokenizer ??= new SearchTokenizer());

    /// <summary>Adds a message's terms or replaces them.</summary>
    public void Upsert(long messageId, string text) => Upsert([(messageId, text)]);

    /// <summary>
    /// Adds messages' terms or replaces them, <see cref="UpsertBatch"/> to a statement; the index and its totals end as
    /// <see cref="Upsert(long, string)"/> for each in turn leaves them (a message given twice keeps its last text, and both count).
    /// </summary>
    public void Upsert(IReadOnlyList<(long Id, string Text)> messages)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var tokenizer = Tokenizer;
        foreach (var chunk in messages.Chunk(UpsertBatch))
        {
            // One row per message in the INSERT (ON CONFLICT cannot update a row twice in one statement): its last text.
            var last = new Dictionary<long, (string Vector, int Tokens)>(chunk.Length);
            var tokens = tokenizer.Tokens(chunk.Select(m => m.Text).ToList());
            long allTokens = 0;
            for (var i = 0; i < chunk.Length; i++)
            {
                var terms = PostgresSearchTerms.Vector(tokens[i]);
                last[chunk[i].Id] = terms;
                allTokens += terms.Tokens;
            }

            connection.Execute(_table.UpsertSql, new
            {
                Ids = last.Keys.ToArray(),
                Bodies = last.Values.Select(v => v.Vector).ToArray(),
                Tokens = last.Values.Select(v => v.Tokens).ToArray(),
                Messages = (long)chunk.Length,
                AllTokens = allTokens,
            }, transaction);
        }
    }

    public void Dispose() => _tokenizer?.Dispose();

    /// <summary>Takes messages out of the index (ids not in it are ignored).</summary>
    public void Remove(IReadOnlyCollection<long> messageIds)
    {
        if (messageIds.Count > 0)
        {
            connection.Execute(_table.RemoveSql, new { Ids = messageIds.ToArray() }, transaction);
        }
    }

    public IReadOnlyList<(long Id, int? Position)> MessagesIn(string filePath) => MessagesIn([filePath])[filePath].ToList();

    /// <summary>The messages stored from each of these files, in one query.</summary>
    public ILookup<string, (long Id, int? Position)> MessagesIn(IReadOnlyList<string> filePaths) =>
        connection.Query<(string Path, long Id, int? Position)>(
                "SELECT file_path, message_id, file_position FROM messages_metadata WHERE file_path = ANY(@Paths);", new { Paths = filePaths.ToArray() }, transaction)
            .ToLookup(m => m.Path, m => (m.Id, m.Position), StringComparer.Ordinal);

    public void MarkUnindexed(IReadOnlyList<long> messageIds) =>
        connection.Execute("UPDATE messages_metadata SET body_hash = NULL WHERE message_id = ANY(@Ids);", new { Ids = messageIds.ToArray() }, transaction);

    public void FinishBackfill() =>
        connection.Execute("DELETE FROM sync_state WHERE resource = @Resource;", new { Resource = MessageSearchIndex.BackfillResource }, transaction);
}
