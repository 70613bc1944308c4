using System.Text;
using HostawaySync.Engine.Conversations;

namespace HostawaySync.Engine.Tests.Conversations;

public sealed class ConversationParserFuzzTests
{
    [Fact]
    public void Random_bytes_never_make_the_parser_throw()
    {
        var random = new Random(4242);
        for (var i = 0; i < 1500; i++)
        {
            var bytes = new byte[random.Next(0, 3000)];
            random.NextBytes(bytes);
            if (i % 3 == 0)
            {
                // Mostly-text junk with line breaks reaches more branches than uniform bytes.
                const string Alphabet = "\n\r []:-=|#\\0123456789abcdefFromDate";
                for (var j = 0; j < bytes.Length; j++)
                {
                    bytes[j] = (byte)Alphabet[bytes[j] % Alphabet.Length];
                }
            }

            var result = ConversationFileFormat.Parse(new StringReader(Encoding.UTF8.GetString(bytes)), i % 2 == 0 ? "x/Guest_2026-01-01_conversation.txt" : null);

            AssertConsistent(result);
        }
    }

    [Fact]
    public void Mutated_files_never_make_the_parser_throw_and_keep_whatever_can_be_read()
    {
        var data = new ConversationTestData(99);
        for (var i = 0; i < 400; i++)
        {
            using var writer = new StringWriter();
            ConversationFileFormat.Write(writer, data.Header(), Enumerable.Range(0, data.Random.Next(1, 8)).Select(_ => data.Message()));
            var lines = writer.ToString().Split('\n').ToList();
            for (var m = data.Random.Next(1, 6); m > 0 && lines.Count > 0; m--)
            {
                var at = data.Random.Next(lines.Count);
                switch (data.Random.Next(5))
                {
                    case 0: lines.RemoveAt(at); break;
                    case 1: lines.Insert(at, lines[data.Random.Next(lines.Count)]); break;
                    case 2: lines[at] = lines[at][..data.Random.Next(lines[at].Length + 1)]; break;
                    case 3: lines.Insert(at, data.RandomChars(data.Random.Next(0, 80))); break;
                    default: lines[at] = lines[at].Replace('|', ':'); break;
                }
            }

            var result = ConversationFileFormat.Parse(new StringReader(string.Join('\n', lines)));

            AssertConsistent(result);
        }
    }

    [Fact]
    public void Every_unreadable_line_of_a_junk_file_is_reported_and_the_file_is_unknown()
    {
        var result = ConversationFileFormat.Parse(new StringReader("lorem ipsum\n\ndolor: sit amet\n[not a time] x: y\n2026-01-01 - nobody\n"));

        Assert.Equal(ConversationFileKind.Unknown, result.Kind);
        Assert.Empty(result.Messages);
        Assert.Equal([1, 3, 4, 5], result.Problems.Select(problem => problem.LineNumber));
        Assert.Equal("lorem ipsum", result.Problems[0].Line);
    }

    [Fact]
    public void Problems_are_capped_and_lines_are_shortened_for_display()
    {
        var junk = string.Join('\n', Enumerable.Range(0, 3000).Select(i => "junk line " + i + new string('x', 500) + "\u0007"));

        var result = ConversationFileFormat.Parse(new StringReader(junk));

        Assert.Equal(ProblemList.MaxProblems + 1, result.Problems.Count);
        Assert.Contains("2000 more problems", result.Problems[^1].Reason, StringComparison.Ordinal);
        Assert.All(result.Problems.Take(ProblemList.MaxProblems), problem => Assert.True(problem.Line.Length <= 201));
        Assert.DoesNotContain(result.Problems, problem => problem.Line.Any(char.IsControl));
    }

    [Fact]
    public void An_endless_line_is_cut_and_reported()
    {
        var text = "# HostawaySync conversation (format 1)\n\n=== - | guest | - | - | -\n" + new string('a', LineSource.MaxLineLength + 10) + "\nend\n\n";

        var result = ConversationFileFormat.Parse(new StringReader(text));

        var body = Assert.Single(result.Messages).Message.Body;
        Assert.Equal(LineSource.MaxLineLength + 4, body.Length);
        Assert.EndsWith("\nend", body, StringComparison.Ordinal);
        Assert.Equal(4, Assert.Single(result.Problems).LineNumber);
    }

    [Fact]
    public void A_reader_that_fails_midway_gives_what_was_read_and_a_problem()
    {
        var text = "# HostawaySync conversation (format 1)\n\n=== - | guest | message 1 | - | -\nfirst\n\n";

        var result = ConversationFileFormat.Parse(new FailingReader(text));

        Assert.Equal("first", Assert.Single(result.Messages).Message.Body);
        Assert.Contains(result.Problems, problem => problem.Reason.Contains("could not be read to the end", StringComparison.Ordinal));
    }

    private static void AssertConsistent(ConversationParseResult result)
    {
        Assert.NotNull(result.Header);
        Assert.Equal(Enumerable.Range(0, result.Messages.Count), result.Messages.Select(parsed => parsed.Position));
        Assert.All(result.Messages, parsed => Assert.True(parsed.LineNumber >= 1));
        Assert.All(result.Messages, parsed => Assert.NotNull(parsed.Message.Body));
        Assert.True(result.Kind != ConversationFileKind.Unknown || result.Messages.Count == 0);
        Assert.True(result.Problems.Count <= ProblemList.MaxProblems + 1);
    }

    /// <summary>Returns the text, then fails as a disk or network share would.</summary>
    private sealed class FailingReader(string text) : TextReader
    {
        private bool _served;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_served)
            {
                throw new IOException("The network path was not found.");
            }

            _served = true;
            text.CopyTo(0, buffer, index, text.Length);
            return text.Length;
        }
    }
}
