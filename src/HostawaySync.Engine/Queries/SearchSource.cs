namespace HostawaySync.Engine.Queries;

/// <summary>
/// What a full-text search reads: its index (message_search or review_search, built alike in both stores), the rows the
/// index keys, and the columns of a hit. Only these constants name tables in the search SQL; values are parameters.
/// </summary>
/// <param name="Index">The index table (FTS5 in SQLite, tsvector rows in PostgreSQL).</param>
/// <param name="PostgresKey">The index's key column in PostgreSQL (SQLite keys by rowid).</param>
/// <param name="Totals">PostgreSQL's table of bm25 collection totals for the index.</param>
/// <param name="RowKey">The indexed row's key as the query names it: ties in score go by it, ascending.</param>
/// <param name="TieAlias">The column alias of <paramref name="RowKey"/> among the hit's columns.</param>
/// <param name="Columns">The hit's columns (score apart), for a dialect.</param>
/// <param name="Joins">The joins from the index to its rows, given the index's key expression.</param>
internal sealed record SearchSource(
    string Index, string PostgresKey, string Totals, string RowKey, string TieAlias, Func<ReadDialect, string> Columns, Func<string, string> Joins)
{
    /// <summary>Message text: message_search over messages_metadata <c>m</c>, with the names of its listing and guest.</summary>
    public static SearchSource Messages { get; } = new(
        "message_search", "message_id", "message_search_totals", "m.message_id", "MessageId", MessageSearcher.HitColumns,
        key => $"""
            JOIN messages_metadata m ON m.message_id = {key}
            {MessageSearcher.NameJoins}
            """);
}
