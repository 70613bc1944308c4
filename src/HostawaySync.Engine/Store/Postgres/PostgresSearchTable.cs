namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// A full-text index in PostgreSQL written like message_search: its table (id, tsvector body, token count) and its bm25
/// collection totals. Only these constants ever name the tables in SQL text.
/// </summary>
internal sealed class PostgresSearchTable
{
    private PostgresSearchTable(string table, string key, string totals)
    {
        // The totals grow with every row indexed, as FTS5's do (see migration 0001), by the batch's rows and tokens.
        UpsertSql = $"""
            WITH indexed AS (
                INSERT INTO {table} ({key}, body, tokens)
                SELECT m.id, CAST(m.body AS tsvector), m.tokens FROM unnest(@Ids, @Bodies, @Tokens) AS m (id, body, tokens)
                ON CONFLICT ({key}) DO UPDATE SET body = excluded.body, tokens = excluded.tokens)
            UPDATE {totals} SET indexed_messages = indexed_messages + @Messages, indexed_tokens = indexed_tokens + @AllTokens;
            """;
        RemoveSql = $"DELETE FROM {table} WHERE {key} = ANY(@Ids);";
    }

    /// <summary>message_search: message text.</summary>
    public static PostgresSearchTable Messages { get; } = new("message_search", "message_id", "message_search_totals");

    /// <summary>review_search: review text.</summary>
    public static PostgresSearchTable Reviews { get; } = new("review_search", "review_id", "review_search_totals");

    /// <summary>Adds rows' terms or replaces them (@Ids, @Bodies, @Tokens, @Messages, @AllTokens).</summary>
    public string UpsertSql { get; }

    /// <summary>Takes rows out of the index (@Ids).</summary>
    public string RemoveSql { get; }
}
