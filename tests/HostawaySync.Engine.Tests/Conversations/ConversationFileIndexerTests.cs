using HostawaySync.Engine.Conversations;

namespace HostawaySync.Engine.Tests.Conversations;

public sealed class ConversationFileIndexerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Root => _temp.Combine("conversations");

    private void Put(string relativePath, string text)
    {
        var path = Path.Combine([Root, .. relativePath.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public async Task Indexes_a_mixed_tree_of_our_files_legacy_logs_junk_and_leftovers()
    {
        var store = new ConversationFolder(Root);
        var header = new ConversationFileHeader(1406, 2, 40160, "Beach House", "John Smith", null, null, new DateOnly(2026, 7, 15), null);
        var message = new ConversationFileMessage(326, new DateTime(2026, 6, 28, 11, 24, 40, DateTimeKind.Utc), MessageDirection.Guest, "channel", "sent", "Hello");
        await store.WriteAsync("Beach House (40160)/John Smith_2026-07-15_conversation.txt", header, [message]);
        await store.WriteAsync("Beach House (40160)/John Smith_2026-07-15_1500_conversation.txt", header with { ConversationId = 1500 }, [message with { MessageId = 900 }]);
        Put("Old Villa/Anna_2025-01-02_conversation.txt", "[2025-01-02 10:00] Anna: Hi\n[2025-01-02 10:05] Host: Hello Anna\n");
        Put("Old Villa/deep/nested/notes.TXT", "just some notes\nnothing else\n");
        Put("empty.txt", string.Empty);
        Put("Beach House (40160)/.hostawaysync-" + Guid.NewGuid().ToString("N") + ".tmp", "# HostawaySync conversation (format 1)\n=== - | guest");
        Put("Beach House (40160)/.hidden.txt", "[2025-01-02 10:00] Anna: Hi");
        Put("photo.jpg", "not text");
        Put("outside/secret.txt", "[2025-01-02 10:00] Eve: should not be read");
        Directory.Move(Path.Combine(Root, "outside"), _temp.Combine("outside"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "linked folder"), _temp.Combine("outside"));
        File.CreateSymbolicLink(Path.Combine(Root, "linked.txt"), _temp.Combine("outside", "secret.txt"));

        var files = ConversationFileIndexer.Scan(Root).ToList();

        Assert.Equal(
            [
                "empty.txt",
                "linked.txt",
                "Beach House (40160)/John Smith_2026-07-15_1500_conversation.txt",
                "Beach House (40160)/John Smith_2026-07-15_conversation.txt",
                "Old Villa/Anna_2025-01-02_conversation.txt",
                "Old Villa/deep/nested/notes.TXT",
            ],
            files.Select(file => file.RelativePath));
        var byPath = files.ToDictionary(file => file.RelativePath);

        var ours = byPath["Beach House (40160)/John Smith_2026-07-15_conversation.txt"];
        Assert.Equal(ConversationFileKind.HostawaySync, ours.Kind);
        Assert.Equal(("Beach House", 40160L, "John Smith", new DateOnly(2026, 7, 15), (long?)null), (ours.PathListingName, ours.PathListingId, ours.PathGuestName, ours.PathDate, ours.PathConversationId));
        Assert.Equal(message, Assert.Single(ours.Result.Messages).Message);
        Assert.Equal(new FileInfo(ours.FullPath).Length, ours.Length);
        Assert.Equal(1500, byPath["Beach House (40160)/John Smith_2026-07-15_1500_conversation.txt"].PathConversationId);

        var legacy = byPath["Old Villa/Anna_2025-01-02_conversation.txt"];
        Assert.Equal(ConversationFileKind.ChatLog, legacy.Kind);
        Assert.Equal(("Old Villa", (long?)null, "Anna"), (legacy.PathListingName, legacy.PathListingId, legacy.PathGuestName));
        Assert.Equal([MessageDirection.Guest, MessageDirection.Host], legacy.Result.Messages.Select(parsed => parsed.Message.Direction));
        Assert.Empty(legacy.Result.Problems);

        var junk = byPath["Old Villa/deep/nested/notes.TXT"];
        Assert.Equal(ConversationFileKind.Unknown, junk.Kind);
        Assert.Equal("nested", junk.PathListingName);
        Assert.Equal(2, junk.Result.Problems.Count);

        Assert.Equal(ConversationFileKind.Unknown, byPath["empty.txt"].Kind);
        Assert.Single(byPath["empty.txt"].Result.Problems);
        Assert.Null(byPath["empty.txt"].PathListingName);
        Assert.Contains("symbolic link", Assert.Single(byPath["linked.txt"].Result.Problems).Reason, StringComparison.Ordinal);
        Assert.Empty(byPath["linked.txt"].Result.Messages);
    }

    [Fact]
    public void A_missing_root_gives_nothing_and_fuzzed_files_never_stop_the_scan()
    {
        Assert.Empty(ConversationFileIndexer.Scan(_temp.Combine("missing")));

        var random = new Random(5);
        for (var i = 0; i < 60; i++)
        {
            var bytes = new byte[random.Next(0, 4000)];
            random.NextBytes(bytes);
            Directory.CreateDirectory(Path.Combine(Root, "f" + (i % 4)));
            File.WriteAllBytes(Path.Combine(Root, "f" + (i % 4), i + "_conversation.txt"), bytes);
        }

        var files = ConversationFileIndexer.Scan(Root).ToList();

        Assert.Equal(60, files.Count);
        Assert.All(files, file => Assert.NotNull(file.Result));
    }

    [Fact]
    public void Scanning_is_lazy_and_can_be_cancelled()
    {
        Put("a.txt", "x");
        Put("b.txt", "y");
        using var cancellation = new CancellationTokenSource();
        using var enumerator = ConversationFileIndexer.Scan(Root, cancellation.Token).GetEnumerator();

        Assert.True(enumerator.MoveNext());
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => enumerator.MoveNext());
    }
}
