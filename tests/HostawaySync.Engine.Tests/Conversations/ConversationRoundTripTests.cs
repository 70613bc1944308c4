using HostawaySync.Engine.Conversations;

namespace HostawaySync.Engine.Tests.Conversations;

public sealed class ConversationRoundTripTests
{
    [Fact]
    public void Parse_of_write_gives_back_header_metadata_and_bodies_in_chronological_order()
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var data = new ConversationTestData(seed);
            var header = data.Header();
            var messages = Enumerable.Range(0, data.Random.Next(0, 15)).Select(_ => data.Message()).ToList();

            using var writer = new StringWriter();
            var positions = ConversationFileFormat.Write(writer, header, messages);
            var result = ConversationFileFormat.Parse(new StringReader(writer.ToString()));

            var expected = messages
                .Select((message, index) => (Message: ConversationFileFormat.NormalizeMessage(message), Index: index))
                .OrderBy(item => item.Message.SentAt ?? DateTime.MaxValue).ThenBy(item => item.Message.SentAt is null)
                .ThenBy(item => item.Message.MessageId ?? long.MaxValue).ThenBy(item => item.Message.MessageId is null)
                .ToList();
            Assert.True(result.Problems.Count == 0, $"seed {seed}: {string.Join("; ", result.Problems)}");
            Assert.Equal(ConversationFileKind.HostawaySync, result.Kind);
            Assert.Equal(1, result.FormatVersion);
            Assert.Equal(ConversationFileFormat.NormalizeHeader(header), result.Header);
            Assert.Equal(expected.Select(item => item.Message), result.Messages.Select(parsed => parsed.Message));
            Assert.Equal(expected.Select(item => item.Index), positions.Select(position => position.InputIndex));
            Assert.Equal(Enumerable.Range(0, messages.Count), result.Messages.Select(parsed => parsed.Position));
            Assert.Equal(positions.Select(position => position.LineNumber), result.Messages.Select(parsed => parsed.LineNumber));
        }
    }

    [Fact]
    public void Clean_values_come_back_unchanged_and_only_line_endings_change_in_bodies()
    {
        var header = new ConversationFileHeader(1, 2, 3, "Villa Ü 🏖️", "José 'Pepe' O'Brien", "a@b.c", "bookingcom", new DateOnly(2026, 1, 2), null);
        var bodies = new[] { string.Empty, "\n", "\n\n", "line\n", "a\r\nb\rc", "  indented\n\ttab", "=== looks like a separator", "\\ starts with backslash", "# hash", "ends with spaces   " };
        var messages = bodies.Select((body, index) => new ConversationFileMessage(index, new DateTime(2026, 1, 1, 0, 0, index, DateTimeKind.Utc), MessageDirection.Guest, "email", "sent", body)).ToList();

        using var writer = new StringWriter();
        ConversationFileFormat.Write(writer, header, messages);
        var result = ConversationFileFormat.Parse(new StringReader(writer.ToString()));

        Assert.Equal(header, result.Header);
        Assert.Equal(bodies.Select(body => body.Replace("\r\n", "\n").Replace('\r', '\n')), result.Messages.Select(parsed => parsed.Message.Body));
        Assert.Equal(messages.Select(message => message with { Body = string.Empty }), result.Messages.Select(parsed => parsed.Message with { Body = string.Empty }));
    }
}
