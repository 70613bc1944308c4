using System.Globalization;
using Dapper;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HostawaySync.Engine.Tests.Postgres.Reading;

/// <summary>
/// bm25 as FTS5 computes it, on PostgreSQL: random texts over a small vocabulary (repeated words, stems, case, accents,
/// punctuation, overlapping phrases), indexed in both stores, some re-indexed with new text and some taken out of the
/// index, and random queries (words, phrases, prefixes) give the same messages in the same order with the same scores.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class SearchRankingParityTests(PostgresServer server) : IDisposable
{
    private static readonly string[] Vocabulary =
    [
        "the", "heater", "heaters", "Heating", "wifi", "Wi-Fi", "password", "check-in", "check", "in", "late", "later", "café", "Cafe", "CAFÉ",
        "running", "runs", "run", "door", "code", "1234", "11:00", "a", "is", "it's", "don't", "Zürich", "zurich", "ok", "OK!", "keys", "key",
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [PostgresFact]
    public void Random_queries_rank_the_same_after_messages_are_indexed_re_indexed_and_removed()
    {
        var random = new Random(20261102);
        var texts = Enumerable.Range(1, 400).ToDictionary(id => (long)id, _ => Text(random, random.Next(1, 60)));
        using var database = server.CreateDatabase();
        var sqlitePath = _temp.Combine("ranking.db");
        DatabaseInitializer.Initialize(sqlitePath);
        using var sqlite = SqliteSyncStore.OpenForWriting(sqlitePath);
        using var postgres = PostgresSyncStore.Open(database.ConnectionString);
        using (var lite = new SqliteConnection($"Data Source={sqlitePath};Pooling=False"))
        using (var pg = database.Open())
        {
            var insert = "INSERT INTO {0}messages_metadata (message_id, direction, content_hash, first_seen_at, updated_at) VALUES (@Id, 'guest', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');";
            lite.Execute(string.Format(CultureInfo.InvariantCulture, insert, string.Empty), texts.Keys.Select(id => new { Id = id }));
            pg.Execute(string.Format(CultureInfo.InvariantCulture, insert, "hostaway."), texts.Keys.Select(id => new { Id = id }));
        }

        Index(sqlite, postgres, texts);
        var changed = texts.Keys.Where(_ => random.Next(10) == 0).ToDictionary(id => id, _ => Text(random, random.Next(1, 80)));
        Index(sqlite, postgres, changed);
        var removed = texts.Keys.Where(id => !changed.ContainsKey(id) && random.Next(15) == 0).ToList();
        Remove(sqlitePath, database.ConnectionString, removed);
        Assert.True(changed.Count > 20 && removed.Count > 10, $"{changed.Count} re-indexed, {removed.Count} removed");
        foreach (var (id, text) in changed)
        {
            texts[id] = text;
        }

        var compared = 0;
        var store = StoreLocation.FromUrl(database.ConnectionString);
        for (var i = 0; i < 150; i++)
        {
            var query = Query(random, texts.Where(t => !removed.Contains(t.Key)).Select(t => t.Value).ToList());
            var filter = new MessageSearchFilter(query, First: i % 5 == 0 ? 3 : null);
            var expected = StoreReader.SearchMessages(sqlitePath, filter).Select(r => (r.Rank, r.MessageId, r.Score)).ToList();
            var actual = StoreReader.SearchMessages(store, filter).Select(r => (r.Rank, r.MessageId, r.Score)).ToList();
            Assert.True(expected.SequenceEqual(actual), $"'{query}': SQLite {string.Join(", ", expected.Take(8))} | PostgreSQL {string.Join(", ", actual.Take(8))}");
            compared += expected.Count;
        }

        Assert.True(compared > 2000, $"only {compared} results compared");
    }

    private static void Index(ISyncStore sqlite, ISyncStore postgres, IReadOnlyDictionary<long, string> texts)
    {
        foreach (var store in new[] { sqlite, postgres })
        {
            using var work = store.Begin();
            foreach (var (id, text) in texts)
            {
                work.IndexMessageText(id, text);
            }

            work.Commit();
        }
    }

    // As the stores take a message out of the index when it leaves its conversation.
    private static void Remove(string sqlitePath, string postgres, IReadOnlyList<long> ids)
    {
        using (var lite = new SqliteConnection($"Data Source={sqlitePath};Pooling=False"))
        {
            lite.Execute("DELETE FROM message_search WHERE rowid = @Id; DELETE FROM messages_metadata WHERE message_id = @Id;", ids.Select(id => new { Id = id }));
        }

        using var pg = new NpgsqlConnection(postgres);
        pg.Execute("DELETE FROM hostaway.message_search WHERE message_id = @Id; DELETE FROM hostaway.messages_metadata WHERE message_id = @Id;", ids.Select(id => new { Id = id }));
    }

    private static string Text(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Vocabulary[(int)Math.Min(Vocabulary.Length - 1, Math.Abs(random.NextDouble() - random.NextDouble()) * Vocabulary.Length * 1.5)]));

    // One to three parts: a word, a prefix, or a phrase of two or three words taken from a text (so that phrases match).
    private static string Query(Random random, IReadOnlyList<string> texts) => string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
    {
        var words = texts[random.Next(texts.Count)].Split(' ');
        var start = random.Next(words.Length);
        return random.Next(4) switch
        {
            0 => "\"" + string.Join(' ', words.Skip(start).Take(random.Next(2, 4))) + "\"",
            1 => new string(words[start].Where(char.IsLetterOrDigit).Take(random.Next(1, 4)).ToArray()) + "*",
            2 => "\"" + string.Join(' ', words.Skip(start).Take(2)) + "\"*",
            _ => words[start],
        };
    }));
}
