using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// Splits text into the terms of message_search exactly as SQLite's FTS5 does: the texts go, one or a batch at a time, into a
/// private in-memory FTS5 table with the index's own tokenizer (<see cref="MessageSearchIndex.Tokenizer"/>), and its
/// terms come back through fts5vocab in text order. The PostgreSQL store indexes and searches with these terms, so both
/// stores agree on words, stems, case, diacritics and positions, and therefore on what matches and how it ranks. The
/// table is contentless and each batch is rolled back once read: nothing accumulates, and the text never touches a file.
/// </summary>
internal sealed class SearchTokenizer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _put;
    private readonly SqliteCommand _read;

    public SearchTokenizer()
    {
        _connection = new SqliteConnection("Data Source=:memory:;Pooling=False");
        _connection.Open();
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = $"""
                CREATE VIRTUAL TABLE scratch USING fts5(body, content = '', tokenize = '{MessageSearchIndex.Tokenizer}');
                CREATE VIRTUAL TABLE scratch_terms USING fts5vocab(scratch, 'instance');
                """;
            create.ExecuteNonQuery();
        }

        _put = Prepare("INSERT INTO scratch (rowid, body) VALUES ($id, $text);", "$id", "$text");
        _read = Prepare("SELECT term, \"offset\", doc FROM scratch_terms;");
    }

    /// <summary>The tokens of <paramref name="text"/> in text order: each one's term and 0-based position.</summary>
    public IReadOnlyList<(string Term, int Offset)> Tokens(string text) => Tokens([text])[0];

    /// <summary>
    /// The tokens of each text, as <see cref="Tokens(string)"/> gives them, the texts going in together (one transaction and
    /// one read of the terms for all of them rather than for each).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<(string Term, int Offset)>> Tokens(IReadOnlyList<string> texts)
    {
        var tokens = new List<(string Term, int Offset)>[texts.Count];
        using var transaction = _connection.BeginTransaction();
        _put.Transaction = transaction;
        _read.Transaction = transaction;
        for (var i = 0; i < texts.Count; i++)
        {
            tokens[i] = [];
            _put.Parameters[0].Value = i + 1L;
            _put.Parameters[1].Value = texts[i];
            _put.ExecuteNonQuery();
        }

        using (var reader = _read.ExecuteReader())
        {
            while (reader.Read())
            {
                tokens[reader.GetInt64(2) - 1].Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        transaction.Rollback();

        // fts5vocab lists the instances term by term.
        foreach (var list in tokens)
        {
            list.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        }

        return tokens;
    }

    /// <summary>The terms of <paramref name="text"/> in text order (a term once per occurrence).</summary>
    public IReadOnlyList<string> Terms(string text) => Tokens(text).Select(t => t.Term).ToList();

    public void Dispose()
    {
        _put.Dispose();
        _read.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter(parameter, string.Empty));
        }

        command.Prepare();
        return command;
    }
}
