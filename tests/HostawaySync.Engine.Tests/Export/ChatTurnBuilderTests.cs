using HostawaySync.Engine.Export;

namespace HostawaySync.Engine.Tests.Export;

public sealed class ChatTurnBuilderTests
{
    private static readonly DateTime T0 = new(2026, 6, 28, 11, 0, 0, DateTimeKind.Utc);

    private static ExportMessage Guest(long id, int minute, string text, int position = 0) => new(id, T0.AddMinutes(minute), true, text, position);

    private static ExportMessage Host(long id, int minute, string text, int position = 0) => new(id, T0.AddMinutes(minute), false, text, position);

    private static IEnumerable<(ChatRole, string, int)> Shape(IEnumerable<ChatTurn> turns) => turns.Select(t => (t.Role, t.Content, t.Messages));

    [Fact]
    public void Orders_by_time_then_id_and_merges_consecutive_messages_of_one_side_with_a_blank_line()
    {
        var turns = ChatTurnBuilder.Build([Host(5, 9, "Yes, from 1 pm."), Guest(2, 1, "Second line"), Guest(1, 1, "Hello"), Guest(3, 2, "Early check-in?"), Host(4, 9, "Hi!")]);

        Assert.Equal([(ChatRole.User, "Hello\n\nSecond line\n\nEarly check-in?", 3), (ChatRole.Assistant, "Hi!\n\nYes, from 1 pm.", 2)], Shape(turns));
    }

    [Fact]
    public void Skips_empty_and_whitespace_only_messages_so_their_neighbours_merge()
    {
        var turns = ChatTurnBuilder.Build([Guest(1, 1, "Hi"), Host(2, 2, " \n\t "), Guest(3, 3, "Anyone?"), Host(4, 4, ""), Host(5, 5, "Sorry!")]);

        Assert.Equal([(ChatRole.User, "Hi\n\nAnyone?", 2), (ChatRole.Assistant, "Sorry!", 1)], Shape(turns));
    }

    [Fact]
    public void Keeps_text_exactly_and_allows_a_host_first_and_a_guest_last()
    {
        var turns = ChatTurnBuilder.Build([Host(1, 1, "Welcome!\n\n"), Guest(2, 2, "  thanks  "), Host(3, 3, "🏖️"), Guest(4, 4, "bye")]);

        Assert.Equal([ChatRole.Assistant, ChatRole.User, ChatRole.Assistant, ChatRole.User], turns.Select(t => t.Role));
        Assert.Equal("Welcome!\n\n", turns[0].Content);
        Assert.Equal("  thanks  ", turns[1].Content);
        Assert.True(ChatTurnBuilder.HasBothSides(turns));
    }

    [Fact]
    public void One_sided_conversations_have_no_exchange()
    {
        Assert.False(ChatTurnBuilder.HasBothSides(ChatTurnBuilder.Build([Guest(1, 1, "Hello?"), Guest(2, 2, "Anyone?"), Host(3, 3, "  ")])));
        Assert.False(ChatTurnBuilder.HasBothSides(ChatTurnBuilder.Build([])));
    }

    [Fact]
    public void Messages_without_time_come_last_and_file_order_breaks_ties_of_files_without_ids()
    {
        var turns = ChatTurnBuilder.Build(
        [
            new ExportMessage(-900, null, false, "no time", 3),
            new ExportMessage(-5, T0, true, "second in file", 1),
            new ExportMessage(-700, T0, true, "first in file", 0),
            new ExportMessage(-1, T0.AddMinutes(1), false, "later", 2),
        ]);

        Assert.Equal([(ChatRole.User, "first in file\n\nsecond in file", 2), (ChatRole.Assistant, "later\n\nno time", 2)], Shape(turns));
    }
}
