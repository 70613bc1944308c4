using HostawaySync.Engine.Conversations;

namespace HostawaySync.Engine.Tests.Conversations;

public sealed class ConversationFileFormatTests
{
    private static readonly ConversationFileHeader SampleHeader = new(
        1406, 2, 40160, "Beach House", "John Smith", "mail@test.com", "airbnbOfficial", new DateOnly(2026, 7, 15), new DateOnly(2026, 7, 18));

    private static string Write(ConversationFileHeader header, params ConversationFileMessage[] messages)
    {
        using var writer = new StringWriter();
        ConversationFileFormat.Write(writer, header, messages);
        return writer.ToString();
    }

    private static ConversationParseResult Parse(string text, string? hint = null) => ConversationFileFormat.Parse(new StringReader(text), hint);

    [Fact]
    public void Writes_the_documented_layout()
    {
        var text = Write(SampleHeader,
            new ConversationFileMessage(327, new DateTime(2026, 6, 28, 11, 30, 2, DateTimeKind.Utc), MessageDirection.Host, "email", "sent", "Yes, from 1 pm."),
            new ConversationFileMessage(326, new DateTime(2026, 6, 28, 11, 24, 40, DateTimeKind.Utc), MessageDirection.Guest, "channel", "sent", "Hello, can we check in early?\r\nSecond line of the same message."));

        Assert.Equal(
            """
            # HostawaySync conversation (format 1)
            # Conversation: 1406
            # Reservation: 2
            # Listing: 40160 Beach House
            # Guest: John Smith
            # Guest email: mail@test.com
            # Channel: airbnbOfficial
            # Stay: 2026-07-15 to 2026-07-18

            === 2026-06-28 11:24:40 UTC | guest | message 326 | channel | sent
            Hello, can we check in early?
            Second line of the same message.

            === 2026-06-28 11:30:02 UTC | host | message 327 | email | sent
            Yes, from 1 pm.


            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void Body_lines_that_look_like_separators_or_start_with_a_backslash_are_escaped_and_unescaped()
    {
        const string Body = "=== 2026-01-01 00:00:00 UTC | host | message 1 | email | sent\n===\n\\already\n# not a header\nplain";
        var text = Write(ConversationFileHeader.Empty, new ConversationFileMessage(1, null, MessageDirection.Guest, null, null, Body));

        Assert.Contains("\n\\=== 2026-01-01 00:00:00 UTC | host", text, StringComparison.Ordinal);
        Assert.Contains("\n\\===\n\\\\already\n# not a header\nplain\n", text, StringComparison.Ordinal);
        var result = Parse(text);
        Assert.Empty(result.Problems);
        Assert.Equal(Body, Assert.Single(result.Messages).Message.Body);
    }

    [Fact]
    public void Unknown_values_are_left_out_of_the_header_and_written_as_dashes_in_separators()
    {
        var text = Write(new ConversationFileHeader(ListingName: "Loft", DepartureDate: new DateOnly(2026, 1, 3)),
            new ConversationFileMessage(null, null, MessageDirection.Host, null, null, string.Empty));

        Assert.Equal("# HostawaySync conversation (format 1)\n# Listing: - Loft\n# Stay: - to 2026-01-03\n\n=== - | host | - | - | -\n\n", text);
        var message = Assert.Single(Parse(text).Messages).Message;
        Assert.Equal(new ConversationFileMessage(null, null, MessageDirection.Host, null, null, string.Empty), message);
    }

    [Fact]
    public void Messages_are_ordered_by_time_then_id_with_unknowns_last_and_ties_in_input_order()
    {
        var t1 = new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);
        var t2 = t1.AddMinutes(1);
        var input = new[]
        {
            new ConversationFileMessage(null, null, MessageDirection.Guest, null, null, "no time, no id"),
            new ConversationFileMessage(5, null, MessageDirection.Guest, null, null, "no time, id 5"),
            new ConversationFileMessage(9, t2, MessageDirection.Guest, null, null, "t2 id 9"),
            new ConversationFileMessage(null, t1, MessageDirection.Guest, null, null, "t1 no id, first"),
            new ConversationFileMessage(7, t1, MessageDirection.Guest, null, null, "t1 id 7"),
            new ConversationFileMessage(null, t1, MessageDirection.Guest, null, null, "t1 no id, second"),
            new ConversationFileMessage(3, t2, MessageDirection.Guest, null, null, "t2 id 3"),
        };

        var bodies = Parse(Write(ConversationFileHeader.Empty, input)).Messages.Select(parsed => parsed.Message.Body);

        Assert.Equal(["t1 id 7", "t1 no id, first", "t1 no id, second", "t2 id 3", "t2 id 9", "no time, id 5", "no time, no id"], bodies);
    }

    [Fact]
    public void Times_are_written_in_utc_with_fractions_only_when_present()
    {
        var local = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Local);
        var precise = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_234_500);
        var text = Write(ConversationFileHeader.Empty,
            new ConversationFileMessage(1, local, MessageDirection.Guest, null, null, "a"),
            new ConversationFileMessage(2, precise, MessageDirection.Guest, null, null, "b"));

        Assert.Contains("=== 2026-03-01 12:00:00.12345 UTC | guest | message 2", text, StringComparison.Ordinal);
        var times = Parse(text).Messages.ToDictionary(parsed => parsed.Message.MessageId!.Value, parsed => parsed.Message.SentAt!.Value);
        Assert.Equal(local.ToUniversalTime(), times[1]);
        Assert.Equal(DateTimeKind.Utc, times[1].Kind);
        Assert.Equal(precise, times[2]);
    }

    [Fact]
    public void Header_values_and_separator_fields_are_kept_on_one_line()
    {
        var header = new ConversationFileHeader(GuestName: "John\nSmith\t\u0000x ", ListingName: "  ", Channel: "a\r\nb");
        var text = Write(header, new ConversationFileMessage(1, null, MessageDirection.Guest, "em|ail\n", "-", "x"));

        var result = Parse(text);
        Assert.Empty(result.Problems);
        Assert.Equal(new ConversationFileHeader(GuestName: "John Smith  x", Channel: "a  b"), result.Header);
        var message = Assert.Single(result.Messages).Message;
        Assert.Equal("em/ail", message.CommunicationType);
        Assert.Null(message.Status);
    }

    [Fact]
    public void A_newer_format_version_is_read_as_far_as_possible_and_its_unknowns_are_reported()
    {
        const string Text = """
            # HostawaySync conversation (format 2)
            # Conversation: 77
            # Mood: cheerful
            # Conversation: 78
            stray text

            === 2026-05-01 08:00:00 UTC | host | message 12 | email | sent | translated
            Welcome!
            === yesterday | robot | msg twelve | sms | sent
            Second.
            === 2026-05-01 09:00:00 UTC | guest
            Third.
            """;

        var result = Parse(Text);

        Assert.Equal(ConversationFileKind.HostawaySync, result.Kind);
        Assert.Equal(2, result.FormatVersion);
        Assert.Equal(77, result.Header.ConversationId);
        Assert.Equal(["Welcome!", "Second.", "Third."], result.Messages.Select(parsed => parsed.Message.Body));
        Assert.Equal(new ConversationFileMessage(12, new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc), MessageDirection.Host, "email", "sent", "Welcome!"), result.Messages[0].Message);
        Assert.Equal(new ConversationFileMessage(null, null, MessageDirection.Guest, "sms", "sent", "Second."), result.Messages[1].Message);
        Assert.Equal([1, 3, 4, 5, 7, 9, 9, 9, 11], result.Problems.Select(problem => problem.LineNumber));
        Assert.Contains(result.Problems, problem => problem.LineNumber == 3 && problem.Reason.Contains("'Mood'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_whose_format_line_was_lost_is_still_read_as_ours()
    {
        var result = Parse("=== 2026-05-01 08:00:00 UTC | host | message 12 | email | sent\nHi\n\n");

        Assert.Equal(ConversationFileKind.HostawaySync, result.Kind);
        Assert.Null(result.FormatVersion);
        Assert.Equal("Hi", Assert.Single(result.Messages).Message.Body);
        Assert.Equal(1, Assert.Single(result.Problems).LineNumber);
    }

    [Fact]
    public void An_empty_file_is_unknown_with_one_problem()
    {
        var result = Parse("\n  \n");

        Assert.Equal(ConversationFileKind.Unknown, result.Kind);
        Assert.Empty(result.Messages);
        Assert.Equal(0, Assert.Single(result.Problems).LineNumber);
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_endings_from_an_editor_are_tolerated()
    {
        var text = "\uFEFF" + Write(ConversationFileHeader.Empty with { ConversationId = 5 },
            new ConversationFileMessage(1, null, MessageDirection.Guest, null, null, "a\nb")).Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = Parse(text);

        Assert.Empty(result.Problems);
        Assert.Equal(5, result.Header.ConversationId);
        Assert.Equal("a\nb", Assert.Single(result.Messages).Message.Body);
    }
}
