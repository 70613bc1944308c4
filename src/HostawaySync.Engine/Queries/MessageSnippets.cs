using System.Text;
using HostawaySync.Engine.Store;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Queries;

/// <summary>
/// Cuts search snippets. The index is contentless, so FTS5's snippet() cannot run on it; instead each message's
/// text (read from its file) goes, one at a time, into a private in-memory FTS5 table with the index's own
/// tokenizer, and snippet() runs there with the same query. Matching therefore agrees with the search exactly
/// (case, diacritics, stems, prefixes, phrases, NEAR), and the text never touches the database file.
/// </summary>
internal sealed class MessageSnippets : IDisposable
{
    /// <summary>Tokens in a snippet (FTS5 allows up to 64).</summary>
    private const int Tokens = 12;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _put;
    private readonly SqliteCommand _cut;

    public MessageSnippets(string ftsQuery)
    {
        _connection = new SqliteConnection("Data Source=:memory:;Pooling=False");
        _connection.Open();
        using (var create = _connection.CreateCommand())
        {
            // The column is named as in message_search, so raw FTS5 queries with column filters work here too.
            create.CommandText = $"CREATE VIRTUAL TABLE scratch USING fts5(body, tokenize = '{MessageSearchIndex.Tokenizer}');";
            create.ExecuteNonQuery();
        }

        _put = _connection.CreateCommand();
        _put.CommandText = "INSERT OR REPLACE INTO scratch (rowid, body) VALUES (1, $text);";
        _put.Parameters.Add(new SqliteParameter("$text", string.Empty));
        _put.Prepare();
        _cut = _connection.CreateCommand();
        _cut.CommandText = "SELECT snippet(scratch, 0, '[', ']', '…', " + Tokens + ") FROM scratch WHERE scratch MATCH $query AND rowid = 1;";
        _cut.Parameters.Add(new SqliteParameter("$query", ftsQuery));
        _cut.Prepare();
    }

    /// <summary>About a dozen words around the best match, on one line; the opening words when the text no longer matches (the file changed since the last sync).</summary>
    public string Of(string text)
    {
        _put.Parameters[0].Value = text;
        _put.ExecuteNonQuery();
        return OneLine(_cut.ExecuteScalar() as string ?? Opening(text));
    }

    public void Dispose()
    {
        _put.Dispose();
        _cut.Dispose();
        _connection.Dispose();
    }

    private static string Opening(string text)
    {
        var words = text.Split((char[]?)null, Tokens + 1, StringSplitOptions.RemoveEmptyEntries);
        return words.Length > Tokens ? string.Join(' ', words.Take(Tokens)) + "…" : string.Join(' ', words);
    }

    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
