using System.Globalization;
using System.Text;
using HostawaySync.Engine.Conversations;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Writes <see cref="SearchTokenizer"/>'s terms as PostgreSQL text search values: a message's tsvector (each term at the
/// positions FTS5 gives it) and a query's tsquery. Both are literals built here from terms quoted here, sent as parameters
/// and cast by the server, which takes the lexemes as they are: no text search configuration touches them, the terms are
/// final. PostgreSQL's limits apply the same way to both sides: a term longer than 2046 UTF-8 bytes is cut there, positions
/// past 16383 count as 16383, a term is kept at 256 positions at most, and a message's distinct terms stop at about 1 MB.
/// </summary>
internal static class PostgresSearchTerms
{
    private const int MaxLexemeBytes = 2046;
    private const int MaxPosition = 16383;
    private const int MaxPositionsPerLexeme = 256;
    private const int MaxVectorBytes = 1_000_000;

    /// <summary>The tsvector literal of a text's tokens, and how many tokens it has (bm25's document length).</summary>
    public static (string Vector, int Tokens) Vector(IReadOnlyList<(string Term, int Offset)> tokens)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var bytes = 0;
        foreach (var (term, offset) in tokens)
        {
            var lexeme = Lexeme(term);
            if (!positions.TryGetValue(lexeme, out var list))
            {
                bytes += Encoding.UTF8.GetByteCount(lexeme) + 8;
                if (bytes > MaxVectorBytes)
                {
                    continue;
                }

                positions[lexeme] = list = [];
            }

            var position = Math.Min(offset + 1, MaxPosition);
            if (list.Count < MaxPositionsPerLexeme && (list.Count == 0 || list[^1] != position))
            {
                list.Add(position);
            }
        }

        var vector = new StringBuilder();
        foreach (var (lexeme, list) in positions)
        {
            vector.Append(vector.Length == 0 ? string.Empty : " ").Append(Quote(lexeme)).Append(':')
                .AppendJoin(',', list.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        }

        return (vector.ToString(), tokens.Count);
    }

    /// <summary>
    /// The tsquery literal that matches every phrase: a phrase is its terms one after another (&lt;-&gt;), the last one a
    /// prefix (:*) when asked; phrases are ANDed.
    /// </summary>
    public static string Query(IReadOnlyList<(IReadOnlyList<string> Terms, bool Prefix)> phrases) =>
        string.Join(" & ", phrases.Select(p => "(" + Phrase(p.Terms, p.Prefix) + ")"));

    /// <summary>The tsquery literal of one phrase.</summary>
    public static string Phrase(IReadOnlyList<string> terms, bool prefix) =>
        string.Join(" <-> ", terms.Select(t => Quote(Lexeme(t)))) + (prefix ? ":*" : string.Empty);

    /// <summary>A term as the lexeme stored for it: cut to PostgreSQL's limit without splitting a character.</summary>
    public static string Lexeme(string term) => TextLimits.Truncate(term, int.MaxValue, MaxLexemeBytes);

    // In both literals a lexeme is quoted with ' and written with '' for ' and \\ for \ (the only special characters there).
    private static string Quote(string lexeme) =>
        "'" + lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
