using System.Text.Json;
using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Postgres;
using HostawaySync.Engine.Tests.Search;

namespace HostawaySync.Engine.Tests.Postgres.Reading;

/// <summary>
/// Search-HostawayMessage on PostgreSQL: the simple query language finds the same messages as SQLite's FTS5, in the same
/// best-first order with the same scores, with the same snippets from the conversation files; raw FTS5 syntax is refused.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class SearchParityTests(PostgresServer server, SyncedInBothStores account)
{
    [PostgresFact]
    public async Task The_corpus_queries_find_the_same_messages_in_the_same_order_with_the_same_scores_and_snippets()
    {
        var postgres = await account.PostgresAsync(server);
        var messages = SearchTestData.Messages(account.Harness.Simulator.GetGroundTruth());
        var frequency = SearchTestData.Frequency(messages);
        var common = frequency.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).Take(6).ToList();
        var rare = messages.Where((m, i) => i % 97 == 0).Select(m => SearchTestData.RarestWord(m, frequency)).OfType<string>().Distinct().ToList();
        var phrases = messages.Where(m => SearchTestData.Words(m.Body).Count() >= 3).Where((m, i) => i % 211 == 0)
            .Select(m => "\"" + SearchTestData.ThreeWordPhrase(m.Body).Replace("\"", string.Empty, StringComparison.Ordinal) + "\"").ToList();
        string[] others =
        [
            "check-in", "\"early check-in\"", "wifi password", "wif*", "\"check in\"*", "ménage", "MENAGE", "est-ce", "11:00", "is", "ok", "the the",
            "dog 🐶", "Thanks", "thank*", "arriving late", "\"doesn't work\"", "code door", "Zürich", "cafe", "xylophonequark", "a*", "Hi", "station",
        ];
        var queries = common.Concat(rare).Concat(phrases).Concat(others).ToList();
        Assert.True(queries.Count >= 50, $"only {queries.Count} queries");

        var listing = StoreReader.Listings(account.Sqlite, new ListingFilter()).First().ListingId;
        var compared = 0;
        foreach (var query in queries)
        {
            foreach (var filter in new[]
            {
                new MessageSearchFilter(query), new MessageSearchFilter(query, First: 7, Direction: "Guest"),
                new MessageSearchFilter(query, Scopes: [new MessageSearchScope(ListingIds: [listing])], IncludeText: true),
            })
            {
                // Snippets and texts (read from each store's own files) for the narrower searches only, to keep the test quick.
                var files = filter.First is not null || filter.Scopes is not null;
                var expected = StoreReader.SearchMessages(account.Sqlite, filter, files ? account.SqliteConversations : null).Select(r => JsonSerializer.Serialize(r)).ToList();
                var actual = StoreReader.SearchMessages(postgres, filter, files ? account.PostgresConversations : null).Select(r => JsonSerializer.Serialize(r)).ToList();
                Assert.True(expected.SequenceEqual(actual), $"'{query}' ({filter}): SQLite found {expected.Count}, PostgreSQL {actual.Count}; first difference: "
                    + expected.Zip(actual).Where(p => p.First != p.Second).Select(p => $"{p.First} <> {p.Second}").FirstOrDefault());
                compared += expected.Count;
            }
        }

        Assert.True(compared > 1000, $"only {compared} results compared");
    }

    [PostgresFact]
    public async Task The_search_index_state_agrees_and_a_pending_backfill_shows()
    {
        var postgres = await account.PostgresAsync(server);
        Assert.Equal(MessageSearchIndexState.Complete, StoreReader.SearchIndexState(account.Sqlite));
        Assert.Equal(MessageSearchIndexState.Complete, StoreReader.SearchIndexState(postgres));

        using var database = server.CreateDatabase();
        PostgresDatabaseInitializer.Initialize(database.ConnectionString);
        using (var connection = database.Open())
        {
            connection.Execute("INSERT INTO hostaway.sync_state (resource, checkpoint, updated_at) VALUES ('message_search_backfill', '', now());");
        }

        Assert.Equal(MessageSearchIndexState.Pending, StoreReader.SearchIndexState(StoreLocation.FromUrl(database.ConnectionString)));
    }

    [PostgresFact]
    public async Task Raw_fts5_syntax_is_refused_on_postgresql_with_the_way_out()
    {
        var postgres = await account.PostgresAsync(server);

        var error = Assert.Throws<HostawayException>(() => StoreReader.SearchMessages(postgres, new MessageSearchFilter("towel OR sheet", MessageSearchSyntax.Fts5)));

        Assert.Equal(ErrorIds.SearchQueryInvalid, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("-Syntax Fts5", error.Message, StringComparison.Ordinal);
        Assert.Contains("simple syntax", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Empty(StoreReader.SearchMessages(postgres, new MessageSearchFilter("towel OR sheet")));
    }

    [PostgresFact]
    public void Operators_and_punctuation_in_simple_queries_never_cause_an_error_on_postgresql()
    {
        using var database = server.CreateDatabase();
        PostgresDatabaseInitializer.Initialize(database.ConnectionString);
        var postgres = StoreLocation.FromUrl(database.ConnectionString);
        var pieces = new[] { "AND", "OR", "NOT", "NEAR", "NEAR(", ")", "(", "\"", "\"\"", "*", "^", ":", "body:", "-", "+", "'", "''", "\\", "{", "}", "[", "]", ",", ";", "&", "|", "!", "<->", ":*", "wifi", "check-in", "café", "12", "x*", "\u0000", "😀", new string('w', 3000) };
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var query = string.Join(random.Next(3) == 0 ? string.Empty : " ", Enumerable.Range(0, random.Next(1, 7)).Select(_ => pieces[random.Next(pieces.Length)]));
            try
            {
                Assert.Empty(StoreReader.SearchMessages(postgres, new MessageSearchFilter(query)));
            }
            catch (HostawayException error) when (error.ErrorId == ErrorIds.SearchQueryInvalid && !query.Any(char.IsLetterOrDigit))
            {
                // A query without a word is refused; anything with one must run.
            }
        }
    }
}
