using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Tests.Search;

/// <summary>Query syntax: plain words never cause an FTS5 syntax error; raw FTS5 errors and empty queries have a stable id.</summary>
public sealed class MessageSearchQueryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("late check-in", "\"late\" \"check-in\"")]
    [InlineData("\"late check-in\"", "\"late check-in\"")]
    [InlineData("  wi*  ", "\"wi\"*")]
    [InlineData("\"late check\"* pool", "\"late check\"* \"pool\"")]
    [InlineData("AND OR NOT NEAR", "\"AND\" \"OR\" \"NOT\" \"NEAR\"")]
    [InlineData("say \"hi", "\"say\" \"hi\"")]
    [InlineData("body:towel (spa) ^pool", "\"body:towel\" \"(spa)\" \"^pool\"")]
    [InlineData("-- !! wifi ??", "\"wifi\"")]
    [InlineData("Crème brûlée", "\"Crème\" \"brûlée\"")]
    public void Simple_queries_quote_every_word_and_phrase(string query, string expected) =>
        Assert.Equal(expected, MessageSearchQuery.ToFts5(query, MessageSearchSyntax.Simple));

    [Fact]
    public void Fts5_queries_pass_unchanged() =>
        Assert.Equal("(towel OR sheet) NOT pool", MessageSearchQuery.ToFts5("(towel OR sheet) NOT pool", MessageSearchSyntax.Fts5));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-- !! ** \"\"")]
    public void A_query_without_a_word_is_refused_at_once(string query)
    {
        var database = NewDatabase();

        var error = Assert.Throws<HostawayException>(() => StoreReader.SearchMessages(database, new MessageSearchFilter(query)));

        Assert.Equal(ErrorIds.SearchQueryInvalid, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction));
    }

    [Theory]
    [InlineData("AND late")]
    [InlineData("\"unterminated")]
    [InlineData("nosuchcolumn: towel")]
    [InlineData("late NEAR(")]
    [InlineData("(towel OR")]
    public void An_invalid_fts5_query_is_refused_with_a_stable_id(string query)
    {
        var database = NewDatabase();

        var error = Assert.Throws<HostawayException>(() => StoreReader.SearchMessages(database, new MessageSearchFilter(query, MessageSearchSyntax.Fts5)));

        Assert.Equal(ErrorIds.SearchQueryInvalid, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains(query, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.RecommendedAction);
    }

    [Fact]
    public void Operators_and_punctuation_in_simple_queries_never_cause_a_syntax_error()
    {
        var database = NewDatabase();
        var pieces = new[] { "AND", "OR", "NOT", "NEAR", "NEAR(", ")", "(", "\"", "\"\"", "*", "^", ":", "body:", "-", "+", "'", "{", "}", "[", "]", ",", ";", "wifi", "check-in", "café", "12", "x*", "\\", "\u0000", "😀" };
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var query = string.Join(random.Next(3) == 0 ? string.Empty : " ", Enumerable.Range(0, random.Next(1, 7)).Select(_ => pieces[random.Next(pieces.Length)]));
            try
            {
                Assert.Empty(StoreReader.SearchMessages(database, new MessageSearchFilter(query)));
            }
            catch (HostawayException error) when (error.ErrorId == ErrorIds.SearchQueryInvalid && !query.Any(char.IsLetterOrDigit))
            {
                // A query without a word is refused; anything with one must run.
            }
        }
    }

    [Fact]
    public void The_migration_declares_the_tokenizer_that_snippets_use()
    {
        var migration = MigrationCatalog.All.Single(m => m.Name == "message_search");

        Assert.Contains($"tokenize = '{MessageSearchIndex.Tokenizer}'", migration.Sql, StringComparison.Ordinal);
        Assert.Contains("content = ''", migration.Sql, StringComparison.Ordinal);
    }

    private string NewDatabase()
    {
        var path = _temp.Combine(Guid.NewGuid().ToString("N") + ".db");
        DatabaseInitializer.Initialize(path);
        return path;
    }
}
