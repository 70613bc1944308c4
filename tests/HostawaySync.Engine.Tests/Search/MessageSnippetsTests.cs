using HostawaySync.Engine.Queries;

namespace HostawaySync.Engine.Tests.Search;

/// <summary>Snippets are cut with the index's own tokenizer: case, accents and word forms match as the search does.</summary>
public sealed class MessageSnippetsTests
{
    [Fact]
    public void Marks_matches_ignoring_case_and_accents_on_one_line()
    {
        using var snippets = new MessageSnippets(MessageSearchQuery.ToFts5("cafe", MessageSearchSyntax.Simple));

        Assert.Equal("We loved the [Café] Noir and its crème brûlée", snippets.Of("We loved the Café Noir\r\nand its   crème brûlée"));
    }

    [Fact]
    public void Marks_other_forms_of_a_word_and_prefixes()
    {
        using var stems = new MessageSnippets(MessageSearchQuery.ToFts5("arrive", MessageSearchSyntax.Simple));
        using var prefix = new MessageSnippets(MessageSearchQuery.ToFts5("wi*", MessageSearchSyntax.Simple));

        Assert.Equal("We [arrived] late; [arrival] was at 11.", stems.Of("We arrived late; arrival was at 11."));
        Assert.Equal("The [wifi] password is on the [window].", prefix.Of("The wifi password is on the window."));
    }

    [Fact]
    public void Cuts_a_long_text_to_about_a_dozen_words_around_the_match()
    {
        var words = Enumerable.Range(1, 60).Select(i => "word" + i).ToList();
        words[30] = "towels";
        using var snippets = new MessageSnippets(MessageSearchQuery.ToFts5("towel", MessageSearchSyntax.Simple));

        var snippet = snippets.Of(string.Join(' ', words));

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("[towels]", snippet, StringComparison.Ordinal);
        Assert.InRange(snippet.Split(' ').Length, 8, 12);
    }

    [Fact]
    public void A_text_that_no_longer_matches_gives_its_opening_words()
    {
        using var snippets = new MessageSnippets(MessageSearchQuery.ToFts5("pool", MessageSearchSyntax.Simple));

        Assert.Equal("one two three four five six seven eight nine ten eleven twelve…", snippets.Of("one two three four five six seven eight nine ten eleven twelve thirteen"));
        Assert.Equal("short text", snippets.Of("short\ntext"));
    }

    [Fact]
    public void Raw_fts5_queries_mark_what_they_matched()
    {
        using var snippets = new MessageSnippets(MessageSearchQuery.ToFts5("towel OR sheet", MessageSearchSyntax.Fts5));

        Assert.Equal("Extra [towels] and a [sheet], please", snippets.Of("Extra towels and a sheet, please"));
    }
}
