using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>
/// The file of a conversation Hostaway no longer has stays in place with a '# Deleted:' header line; the line goes when
/// the conversation comes back, and a mark a crash left undone (or left behind) is put right by the next run.
/// </summary>
public sealed class DeletedConversationFileTests
{
    private const string Mark = "# Deleted: ";

    [Fact]
    public async Task Deleted_conversations_files_are_marked_in_place_and_unmarked_when_they_come_back()
    {
        await using var harness = await SyncHarness.StartAsync(61, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var before = Files(harness);
        Assert.All(before, f => Assert.False(f.Marked, f.Path));

        harness.Simulator.Mutate(new MutationRequest { DeletedReservations = 4, Seed = 9 });
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);

        var after = Files(harness);
        var deleted = after.Where(f => f.DeletedAt is not null).ToList();
        Assert.NotEmpty(deleted);
        Assert.Equal(before.Select(f => f.Path), after.Select(f => f.Path));
        Assert.All(after, f => Assert.Equal(f.DeletedAt is not null, f.Marked));
        Assert.All(deleted, f => Assert.Contains(Mark + FormatText.FormatTime(f.DeletedAt) + "\n\n", f.Text, StringComparison.Ordinal));
        Assert.Equal(deleted.Select(f => f.Path).Order(StringComparer.Ordinal), Listed(harness));
        // Apart from that line the file is what it was, and it still reads: header, messages and texts.
        var one = deleted[0];
        Assert.Equal(before.Single(f => f.Path == one.Path).Text, one.Text.Replace(Mark + FormatText.FormatTime(one.DeletedAt) + "\n", string.Empty, StringComparison.Ordinal));
        var parsed = ConversationFileConventions.ParseFile(Path.Combine(harness.ConversationsPath, one.Path), one.Path);
        Assert.Empty(parsed.Problems);
        Assert.Equal(one.DeletedAt, parsed.Header.DeletedAt);
        Assert.All(StoreReader.Messages(harness.DatabasePath, new MessageFilter(ConversationIds: [one.Id], IncludeDeleted: true), harness.ConversationsPath), m => Assert.NotNull(m.Text));

        // A crash left one mark undone and one behind (listed, on a live conversation's file): the next run puts both right.
        var live = after.First(f => f.DeletedAt is null);
        File.WriteAllText(Full(harness, one.Path), before.Single(f => f.Path == one.Path).Text);
        var headerEnd = live.Text.IndexOf("\n\n", StringComparison.Ordinal) + 1;
        File.WriteAllText(Full(harness, live.Path), live.Text.Insert(headerEnd, Mark + "2026-01-01 00:00:00 UTC\n"));
        File.AppendAllText(Path.Combine(harness.ConversationsPath, DeletedConversationMarks.ListFileName), live.Path + "\n");
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Incremental)).Status);
        Assert.Equal(after.Select(f => f.Text), Files(harness).Select(f => f.Text));
        Assert.Equal(deleted.Select(f => f.Path).Order(StringComparer.Ordinal), Listed(harness));

        // The API has them again: the marks go, and every file is what it was before the deletion.
        await harness.RestartSimulatorAsync();
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        Assert.Equal(before.Select(f => (f.Path, f.Text)), Files(harness).Select(f => (f.Path, f.Text)));
        Assert.Empty(Listed(harness));
    }

    [Fact]
    public void The_deleted_line_is_set_and_removed_leaving_every_other_byte()
    {
        var at = new DateTime(2026, 11, 2, 8, 0, 5, DateTimeKind.Utc);
        const string File1 = "# HostawaySync conversation (format 1)\n# Conversation: 7\n\n=== 2026-06-28 11:24:40 UTC | guest | message 3 | email | sent\n# Deleted: not a header\n\n";
        var marked = ConversationFileFormat.WithDeletedLine(File1, at)!;

        Assert.Equal(File1.Replace("# Conversation: 7\n", "# Conversation: 7\n# Deleted: 2026-11-02 08:00:05 UTC\n", StringComparison.Ordinal), marked);
        Assert.Equal(marked, ConversationFileFormat.WithDeletedLine(marked, at));
        Assert.Equal(File1, ConversationFileFormat.WithDeletedLine(marked, null));
        Assert.Equal(File1.Replace("\n", "\r\n", StringComparison.Ordinal), ConversationFileFormat.WithDeletedLine(marked.Replace("\n", "\r\n", StringComparison.Ordinal), null));
        Assert.Contains("# Deleted: 2026-11-02 08:00:05 UTC\r\n\r\n", ConversationFileFormat.WithDeletedLine(File1.Replace("\n", "\r\n", StringComparison.Ordinal), at), StringComparison.Ordinal);
        Assert.Null(ConversationFileFormat.WithDeletedLine("[2026-06-28 11:24] John: Hello\n", at));
    }

    private static string Full(SyncHarness harness, string path) => Path.Combine(harness.ConversationsPath, path);

    private static List<string> Listed(SyncHarness harness)
    {
        var list = Path.Combine(harness.ConversationsPath, DeletedConversationMarks.ListFileName);
        return File.Exists(list) ? [.. File.ReadAllLines(list).Where(l => l.Length > 0)] : [];
    }

    /// <summary>Every synced conversation's file, by path, with the time the store counts it deleted from (its own or its reservation's).</summary>
    private static List<(long Id, string Path, DateTime? DeletedAt, string Text, bool Marked)> Files(SyncHarness harness)
    {
        var reservations = StoreReader.Reservations(harness.DatabasePath, new ReservationFilter(IncludeDeleted: true)).ToDictionary(r => r.ReservationId, r => r.DeletedAt);
        return StoreReader.Conversations(harness.DatabasePath, new ConversationFilter(IncludeDeleted: true))
            .Where(c => c.FilePath is not null)
            .Select(c =>
            {
                var text = File.ReadAllText(Full(harness, c.FilePath!));
                var deletedAt = new[] { c.DeletedAt, c.ReservationId is { } r ? reservations.GetValueOrDefault(r) : null }.Where(t => t is not null).Min();
                return (c.ConversationId, c.FilePath!, deletedAt, text, text.Contains("\n" + Mark, StringComparison.Ordinal));
            })
            .OrderBy(f => f.Item2, StringComparer.Ordinal).ToList();
    }
}
