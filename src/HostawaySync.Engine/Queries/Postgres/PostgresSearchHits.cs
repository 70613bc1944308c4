using System.Globalization;
using System.Text;
using Dapper;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace HostawaySync.Engine.Queries.Postgres;

/// <summary>
/// Search in PostgreSQL, giving what SQLite's FTS5 gives. Each part of the query (a word or phrase, maybe a prefix) is
/// split into terms by <see cref="SearchTokenizer"/>, the tokenizer message_search was written with, and becomes a tsquery
/// phrase (terms &lt;-&gt; terms, :* for a prefix); the index (GIN) finds the rows (messages or reviews) that have every phrase. They are
/// ranked by FTS5's bm25 (fts5_aux.c: k1 = 1.2, b = 0.75), computed here in SQL in FTS5's order of operations from
/// FTS5's inputs: the collection totals (message_search_totals, kept as FTS5 keeps its own), how many messages have each
/// phrase, how often each phrase occurs in the message and the message's token count. The scores are therefore FTS5's
/// own, ties go by message id as in SQLite, and the order is the same.
/// </summary>
internal static class PostgresSearchHits
{
    // FTS5's bm25 constants, as float8 so every step is IEEE double arithmetic like FTS5's C.
    private const string K1 = "CAST(1.2 AS float8)";
    private const string B = "CAST(0.75 AS float8)";

    public static List<T> Find<T>(NpgsqlConnection connection, QueryBuilder query, IReadOnlyList<SearchPart> parts, int? first, SearchSource source)
    {
        List<(IReadOnlyList<string> Terms, bool Prefix)> phrases;
        using (var tokenizer = new SearchTokenizer())
        {
            phrases = parts.Select(p => (tokenizer.Terms(p.Text), p.Prefix)).ToList();
        }

        if (phrases.Any(p => p.Terms.Count == 0))
        {
            // As in FTS5, a phrase without a term matches nothing, and the parts are ANDed.
            return [];
        }

        query.Raw($"s.body @@ CAST({query.Add(Text(PostgresSearchTerms.Query(phrases)))} AS tsquery)");
        var counts = new List<string>();
        var weights = new List<string>();
        var frequencies = new List<string>();
        var score = new StringBuilder("CAST(0 AS float8)");
        for (var i = 0; i < phrases.Count; i++)
        {
            var phrase = query.Add(Text(PostgresSearchTerms.Phrase(phrases[i].Terms, phrases[i].Prefix)));
            counts.Add(Invariant($"(SELECT count(*) FROM {source.Index} WHERE body @@ CAST({phrase} AS tsquery))::float8 AS h{i}"));
            // FTS5 takes 1e-6 where the logarithm is not positive, that is where its argument is not above 1 (which also keeps
            // totals that disagree with the index, say from rows written by hand, from a logarithm of a negative number).
            var ratio = Invariant($"(t.n - h.h{i} + CAST(0.5 AS float8)) / (h.h{i} + CAST(0.5 AS float8))");
            weights.Add(Invariant($"CASE WHEN {ratio} <= 1 THEN CAST(1e-6 AS float8) ELSE ln({ratio}) END AS idf{i}"));
            // ts_rank_cd with every weight 1 and no normalization adds 1 for each cover of the phrase in the message, and the
            // covers of a phrase are its occurrences (overlapping ones too, as FTS5 counts them): the phrase frequency, read
            // from the positions by PostgreSQL's own code, an order of magnitude faster than unnesting the tsvector.
            frequencies.Add(Invariant($"CAST(ts_rank_cd('{{1,1,1,1}}', s.body, CAST({phrase} AS tsquery)) AS float8) AS f{i}"));
            score.Append(Invariant($" + w.idf{i} * ((x.f{i} * ({K1} + CAST(1.0 AS float8))) / (x.f{i} + {K1} * (CAST(1 AS float8) - {B} + {B} * x.tokens / w.avgdl)))"));
        }

        // MATERIALIZED: each figure is computed once (inlined, the planner would compute some once per use).
        var limit = query.Add(new TypedParameter((long?)first, NpgsqlDbType.Bigint));
        var sql = $"""
            WITH totals AS MATERIALIZED (
                     SELECT CAST(coalesce(sum(indexed_messages), 0) AS float8) AS n, CAST(coalesce(sum(indexed_tokens), 0) AS float8) AS tokens FROM {source.Totals}),
                 hits AS MATERIALIZED (SELECT {string.Join(", ", counts)}),
                 weights AS MATERIALIZED (SELECT NULLIF(t.tokens, 0) / NULLIF(t.n, 0) AS avgdl, {string.Join(", ", weights)} FROM totals t, hits h),
                 found AS MATERIALIZED (
                     SELECT {source.Columns(query.Dialect)}, CAST(s.tokens AS float8) AS tokens, {string.Join(", ", frequencies)}
                     FROM {source.Index} s
                     {source.Joins("s." + source.PostgresKey)}
            """ + query.Where + $"""
            )
            SELECT x.*, {score} AS Score
            FROM found x CROSS JOIN weights w
            ORDER BY Score DESC NULLS LAST, x.{source.TieAlias}
            LIMIT {limit};
            """;
        return connection.Query<T>(sql, query.Parameters).AsList();
    }

    private static TypedParameter Text(string value) => new(value, NpgsqlDbType.Text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
