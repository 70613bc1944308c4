using System.Text;
using Dapper;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Tests.Sync;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Tests.Search;

/// <summary>Searching a fully synced Small account: every message findable by its words, ranked, with snippets, and no text in the database.</summary>
public sealed class MessageSearchTests(SyncedSmallAccount account) : IClassFixture<SyncedSmallAccount>
{
    private SyncHarness Harness => account.Harness;

    [Fact]
    public void Every_stored_message_is_in_the_index_after_a_full_sync()
    {
        using var db = Harness.Open();

        SyncHarness.AssertSearchIndexComplete(db);
        Assert.Equal(account.Messages.Count, db.ExecuteScalar<long>("SELECT count(*) FROM message_search;"));
        Assert.Equal(MessageSearchIndexState.Complete, StoreReader.SearchIndexState(Harness.DatabasePath));
    }

    [Fact]
    public void Sampled_messages_are_found_by_their_rarest_word_with_the_word_marked_in_the_snippet()
    {
        var frequency = SearchTestData.Frequency(account.Messages);
        var sample = account.Messages.Where(m => SearchTestData.Words(m.Body).Any()).Where((_, i) => i % 20 == 0).ToList();
        Assert.True(sample.Count >= 40, $"only {sample.Count} messages sampled");

        foreach (var message in sample)
        {
            var word = SearchTestData.RarestWord(message, frequency)!;
            var everywhere = StoreReader.SearchMessages(Harness.DatabasePath, new MessageSearchFilter(word)).Select(r => r.MessageId).ToList();
            Assert.Contains(message.Id, everywhere);

            var inConversation = StoreReader.SearchMessages(
                Harness.DatabasePath, new MessageSearchFilter(word, ConversationIds: [message.ConversationId]), Harness.ConversationsPath).ToList();
            var hit = Assert.Single(inConversation, r => r.MessageId == message.Id);
            Assert.All(inConversation, r => Assert.Equal(message.ConversationId, r.ConversationId));
            Assert.True(SearchTestData.Marks(hit.Snippet, word), $"'{word}' is not marked in the snippet '{hit.Snippet}' of message {message.Id}");
            Assert.DoesNotContain('\n', hit.Snippet!);
            Assert.Null(hit.Text);
        }
    }

    [Fact]
    public void A_word_that_no_message_contains_finds_nothing()
    {
        Assert.Empty(StoreReader.SearchMessages(Harness.DatabasePath, new MessageSearchFilter("xylophonequark")));
        Assert.DoesNotContain(account.Messages, m => m.Body.Contains("xylophonequark", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_word_must_match_and_a_quoted_phrase_must_match_in_order()
    {
        var frequency = SearchTestData.Frequency(account.Messages);
        var message = account.Messages.First(m => SearchTestData.Words(m.Body).Distinct(StringComparer.OrdinalIgnoreCase).Count() >= 6
            && !SearchTestData.ThreeWordPhrase(m.Body).Contains('"', StringComparison.Ordinal));
        var words = SearchTestData.Words(message.Body).ToList();

        // Words in any order find it; so does a phrase the text has, in double quotes.
        Assert.Contains(message.Id, StoreReader.SearchMessages(Harness.DatabasePath, new MessageSearchFilter($"{words[2]} {words[0]}")).Select(r => r.MessageId));
        var phrase = SearchTestData.ThreeWordPhrase(message.Body);
        Assert.Contains(message.Id, StoreReader.SearchMessages(Harness.DatabasePath, new MessageSearchFilter($"\"{phrase}\"")).Select(r => r.MessageId));

        // One more word the message lacks (no word of it even begins the same) excludes it.
        var absent = frequency.Keys.First(w => w.Length >= 5 && !message.Body.Contains(w[..4], StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(message.Id, StoreReader.SearchMessages(Harness.DatabasePath, new MessageSearchFilter($"{words[0]} {absent}")).Select(r => r.MessageId));
        Assert.NotEmpty(StoreReader.SearchMessages(Harness.DatabasePath, new MessageSearchFilter(absent)));
    }

    [Fact]
    public void Results_are_ranked_best_first_and_filters_and_first_apply()
    {
        var frequency = SearchTestData.Frequency(account.Messages);
        var common = frequency.Where(p => p.Value >= 30).OrderByDescending(p => p.Value).Select(p => p.Key).First();

        var all = StoreReader.SearchMessages(Harness.DatabasePath, new MessageSearchFilter(common)).ToList();
        Assert.Equal(Enumerable.Range(1, all.Count), all.Select(r => r.Rank));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Score >= p.Second.Score), "scores are not in descending order");
        Assert.True(all.Count >= 30);

        var guests = StoreReader.SearchMessages(Harness.DatabasePath, new MessageSearchFilter(common, Direction: "Guest")).ToList();
        Assert.NotEmpty(guests);
        Assert.All(guests, r => Assert.Equal("guest", r.Direction));
        Assert.Equal(all.Count(r => r.Direction == "guest"), guests.Count);

        var first = StoreReader.SearchMessages(Harness.DatabasePath, new MessageSearchFilter(common, First: 5)).Select(r => r.MessageId).ToList();
        Assert.Equal(all.Take(5).Select(r => r.MessageId), first);

        var listing = all[0].ListingId!.Value;
        var scoped = StoreReader.SearchMessages(Harness.DatabasePath, new MessageSearchFilter(common, Scopes: [new MessageSearchScope(ListingIds: [listing])])).ToList();
        Assert.Equal(all.Where(r => r.ListingId == listing).Select(r => r.MessageId), scoped.Select(r => r.MessageId));
    }

    [Fact]
    public void IncludeText_returns_the_text_exactly_as_the_api_sent_it()
    {
        var message = account.Messages.First(m => m.Body.Contains('\n', StringComparison.Ordinal) && SearchTestData.Words(m.Body).Any());
        var word = SearchTestData.Words(message.Body).First();

        var hit = StoreReader.SearchMessages(Harness.DatabasePath, new MessageSearchFilter(word, ConversationIds: [message.ConversationId], IncludeText: true), Harness.ConversationsPath)
            .Single(r => r.MessageId == message.Id);

        Assert.Equal(message.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), hit.Text);
        Assert.NotNull(hit.FilePath);
        Assert.Equal(message.IsGuest ? "guest" : "host", hit.Direction);
    }

    [Fact]
    public void The_database_files_hold_no_message_text()
    {
        var bodies = account.Messages.Where(m => m.Body.Length >= 40 && m.Body.Contains(' ', StringComparison.Ordinal))
            .Select(m => m.Body).Distinct(StringComparer.Ordinal).OrderByDescending(b => b.Length).Take(30).ToList();
        Assert.True(bodies.Count >= 10, $"only {bodies.Count} long bodies");
        using (var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Harness.DatabasePath, Pooling = false }.ToString()))
        {
            writer.Open();
            writer.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        var bytes = File.ReadAllBytes(Harness.DatabasePath).Concat(File.Exists(Harness.DatabasePath + "-wal") ? File.ReadAllBytes(Harness.DatabasePath + "-wal") : []).ToArray();
        var listingName = account.Truth.Listings.Select(l => (string?)l["name"]).First(n => n is { Length: >= 8 })!;
        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(listingName)) >= 0, "the scan finds nothing at all: a listing name should be there");

        foreach (var body in bodies)
        {
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(body)) < 0, $"the database holds the text '{body[..40]}…'");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(body.Replace("\r\n", "\n", StringComparison.Ordinal))) < 0);
        }

        var word = SearchTestData.Words(bodies[0]).First();
        Assert.NotEmpty(StoreReader.SearchMessages(Harness.DatabasePath, new MessageSearchFilter(word)));
    }
}
