using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Tests.Store;

/// <summary>Texts tokenized together give each text's tokens exactly as tokenizing it alone does.</summary>
public sealed class SearchTokenizerTests
{
    [Fact]
    public void A_batch_of_texts_gives_each_text_its_own_tokens()
    {
        string[] texts =
        [
            "Where is the parking garage? The garage, I mean.",
            string.Empty,
            "   ",
            "Café crème – naïve résumé, Ünïcödé 123 4.5",
            "a\0b NUL\0inside",
            "the the the the",
            "日本語のテキスト と English mixed",
            string.Join(' ', Enumerable.Range(0, 300).Select(i => "word" + (i % 17).ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ];
        using var alone = new SearchTokenizer();
        using var together = new SearchTokenizer();

        var expected = texts.Select(t => alone.Tokens(t).ToList()).ToList();
        var batch = together.Tokens(texts);
        var again = together.Tokens(texts.Reverse().ToList());

        Assert.Equal(expected, batch.Select(t => t.ToList()));
        Assert.Equal(expected.AsEnumerable().Reverse(), again.Select(t => t.ToList()));
        Assert.Equal([("where", 0), ("is", 1), ("the", 2), ("park", 3), ("garag", 4), ("the", 5), ("garag", 6), ("i", 7), ("mean", 8)], expected[0]);
        Assert.Empty(expected[1]);
        Assert.Empty(together.Tokens([]));
    }
}
