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
/// phrase (terms &lt;-&gt; terms, :* for a prefix); the index (GIN) finds the messages that have every phrase. They are
/// ranked by FTS5's bm25 (fts5_aux.c, k1 = 1.2, b = 0.75), computed here in SQL in FTS5's order of operations from the
/// same inputs: how many messages the index holds and their average token count, how many messages have each phrase,
/// how often each phrase occurs in the message (counted from the tsvector's positions) and the message's token count.
/// The scores are therefore FTS5's own, ties are broken by message id as in SQLite, and the order is the same.
/// </summary>
internal static class PostgresSearchHits
{
    // FTS5's bm25 constants, as float8 so every step is IEEE double arithmetic like FTS5's C.
    private const string K1 = "CAST(1.2 AS float8)";
    private const string B = "CAST(0.75 AS float8)";

    public static List<SearchHit> Find(NpgsqlConnection connection, QueryBuilder query, IReadOnlyList<SearchPart> parts, int? first)
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
            var (terms, prefix) = phrases[i];
            var phrase = query.Add(Text(PostgresSearchTerms.Phrase(terms, prefix)));
            counts.Add(Invariant($"(SELECT count(*) FROM message_search WHERE body @@ CAST({phrase} AS tsquery))::float8 AS h{i}"));
            weights.Add(Invariant($"CASE WHEN ln((t.n - h.h{i} + 0.5::float8) / (h.h{i} + 0.5::float8)) <= 0 THEN 1e-6::float8 ELSE ln((t.n - h.h{i} + 0.5::float8) / (h.h{i} + 0.5::float8)) END AS idf{i}"));
            frequencies.Add(Invariant($"({Occurrences(query, terms, prefix)})::float8 AS f{i}"));
            score.Append(Invariant($" + w.idf{i} * ((f.f{i} * ({K1} + 1.0::float8)) / (f.f{i} + {K1} * (1::float8 - {B} + {B} * s.tokens::float8 / w.avgdl)))"));
        }

        var limit = query.Add(new TypedParameter((long?)first, NpgsqlDbType.Bigint));
        var sql = $"""
            WITH totals AS (SELECT count(*)::float8 AS n, coalesce(sum(tokens), 0)::float8 AS tokens FROM message_search),
                 hits AS (SELECT {string.Join(", ", counts)}),
                 weights AS (SELECT NULLIF(t.tokens, 0) / NULLIF(t.n, 0) AS avgdl, {string.Join(", ", weights)} FROM totals t, hits h)
            SELECT {MessageSearcher.HitColumns(query.Dialect)}, {score} AS Score
            FROM message_search s
            JOIN messages_metadata m ON m.message_id = s.message_id
            {MessageSearcher.NameJoins}
            CROSS JOIN weights w
            CROSS JOIN LATERAL (SELECT {string.Join(", ", frequencies)}) f
            """ + query.Where + $" ORDER BY Score DESC, m.message_id LIMIT {limit};";
        return connection.Query<SearchHit>(sql, query.Parameters).AsList();
    }

    /// <summary>
    /// How often the phrase occurs in the message <c>s</c>: the positions of its first term that its other terms follow
    /// one by one (FTS5 counts a phrase's instances so, overlapping ones included); the last term a prefix when asked.
    /// </summary>
    private static string Occurrences(QueryBuilder query, IReadOnlyList<string> terms, bool prefix)
    {
        string Match(string alias, int index) => terms.Count - 1 == index && prefix
            ? $"starts_with({alias}.lexeme, {query.Add(Text(PostgresSearchTerms.Lexeme(terms[index])))})"
            : $"{alias}.lexeme = {query.Add(Text(PostgresSearchTerms.Lexeme(terms[index])))}";

        var sql = new StringBuilder($"SELECT count(*) FROM unnest(s.body) AS u0, unnest(u0.positions) AS p(pos) WHERE {Match("u0", 0)}");
        for (var j = 1; j < terms.Count; j++)
        {
            sql.Append(Invariant($" AND EXISTS (SELECT 1 FROM unnest(s.body) AS u{j} WHERE {Match($"u{j}", j)} AND p.pos + {j} = ANY (u{j}.positions))"));
        }

        return sql.ToString();
    }

    private static TypedParameter Text(string value) => new(value, NpgsqlDbType.Text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
