using HostawaySync.Engine.Conversations;

namespace HostawaySync.Engine.Tests.Conversations;

public sealed class ChatLogReaderTests
{
    private static ConversationParseResult Parse(string text, string? hint = null) => ConversationFileFormat.Parse(new StringReader(text), hint);

    private static DateTime Utc(int hour, int minute, int second = 0) => new(2026, 6, 28, hour, minute, second, DateTimeKind.Utc);

    [Fact]
    public void Bracketed_lines_with_continuations_and_the_guest_from_the_file_name()
    {
        const string Text = """
            [2026-06-28 11:24] John Smith: Hello, can we check in early?
            We land at 9.

            [2026-06-28 11:30:02] Host: Yes, from 1 pm.
            [2026-06-28 11:31:00] John: Thanks!
            """;

        var result = Parse(Text, "Beach House (40160)/John Smith_2026-07-15_conversation.txt");

        Assert.Equal(ConversationFileKind.ChatLog, result.Kind);
        Assert.Null(result.FormatVersion);
        Assert.Empty(result.Problems);
        Assert.Equal(
            [
                new ParsedConversationMessage(new ConversationFileMessage(null, Utc(11, 24), MessageDirection.Guest, null, null, "Hello, can we check in early?\nWe land at 9."), 0, 1, "John Smith"),
                new ParsedConversationMessage(new ConversationFileMessage(null, Utc(11, 30, 2), MessageDirection.Host, null, null, "Yes, from 1 pm."), 1, 4, "Host"),
                new ParsedConversationMessage(new ConversationFileMessage(null, Utc(11, 31), MessageDirection.Guest, null, null, "Thanks!"), 2, 5, "John"),
            ],
            result.Messages);
    }

    [Fact]
    public void Dashed_lines_use_the_header_for_guest_and_listing_names()
    {
        const string Text = """
            Guest: Anna Berg
            Listing: Sea View Loft
            Reservation: 555

            2026-06-28 08:00:00 - Anna Berg: Is there parking?
            2026-06-28 08:05 - Sea View Loft: Yes: two spaces.
              Behind the house.
            2026-06-28 08:06 - Me: (sent from the app)
            """;

        var result = Parse(Text);

        Assert.Equal(new ConversationFileHeader(ReservationId: 555, ListingName: "Sea View Loft", GuestName: "Anna Berg"), result.Header);
        Assert.Equal([MessageDirection.Guest, MessageDirection.Host, MessageDirection.Host], result.Messages.Select(parsed => parsed.Message.Direction));
        Assert.Equal("Yes: two spaces.\n  Behind the house.", result.Messages[1].Message.Body);
        Assert.Equal(Utc(8, 5), result.Messages[1].Message.SentAt);
        Assert.All(result.Messages, parsed => Assert.Null(parsed.Message.MessageId));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void From_date_blocks_run_to_their_rule_line()
    {
        const string Text = """
            From: Maria
            Date: 2026-06-28 10:00:00

            Hi!
            ---
            Is the pool heated?

            ---
            From: Beach House Team
            Date: 2026-06-28 10:15:30
            It is.
            From: Maria
            Date: 2026-06-28 10:20:00
            Great
            ---
            """;

        var result = Parse(Text, "Villa/Maria_2026-07-01_conversation.txt");

        Assert.Equal(ConversationFileKind.ChatLog, result.Kind);
        Assert.Equal(["Maria", "Beach House Team", "Maria"], result.Messages.Select(parsed => parsed.SenderName));
        Assert.Equal(["Hi!", "It is.", "Great"], result.Messages.Select(parsed => parsed.Message.Body));
        Assert.Equal([Utc(10, 0), Utc(10, 15, 30), Utc(10, 20)], result.Messages.Select(parsed => parsed.Message.SentAt));
        Assert.Equal([MessageDirection.Guest, MessageDirection.Host, MessageDirection.Guest], result.Messages.Select(parsed => parsed.Message.Direction));
        Assert.Equal([1, 9, 12], result.Messages.Select(parsed => parsed.LineNumber));
        var stray = Assert.Single(result.Problems);
        Assert.Equal(6, stray.LineNumber);
    }

    [Fact]
    public void Unknown_senders_are_taken_as_guests_and_the_guess_is_reported_once_per_name()
    {
        const string Text = """
            [2026-06-28 11:00] Pat: first
            [2026-06-28 11:01] Pat: second
            [2026-06-28 11:02] Support: reply
            Date: not a date
            From: Pat
            third
            """;

        var result = Parse(Text);

        Assert.Equal([MessageDirection.Guest, MessageDirection.Guest, MessageDirection.Host, MessageDirection.Guest], result.Messages.Select(parsed => parsed.Message.Direction));
        Assert.Null(result.Messages[3].Message.SentAt);
        Assert.Equal("third", result.Messages[3].Message.Body);
        Assert.Equal([1, 4], result.Problems.Select(problem => problem.LineNumber));
        Assert.Contains("direction guessed", result.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("not a date", result.Problems[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_from_line_inside_a_chat_message_is_text_unless_a_date_line_follows()
    {
        const string Text = """
            [2026-06-28 11:00] Guest: We come
            From: the airport
            by taxi
            """;

        var result = Parse(Text);

        Assert.Equal("We come\nFrom: the airport\nby taxi", Assert.Single(result.Messages).Message.Body);
    }

    [Fact]
    public void Impossible_dates_leave_the_time_unknown_and_are_reported()
    {
        var result = Parse("[2026-02-30 11:00] Host: hi\n2026-06-28 25:00 - Host: late\n");

        Assert.Equal(2, result.Messages.Count);
        Assert.All(result.Messages, parsed => Assert.Null(parsed.Message.SentAt));
        Assert.Equal([1, 2], result.Problems.Select(problem => problem.LineNumber));
    }
}
