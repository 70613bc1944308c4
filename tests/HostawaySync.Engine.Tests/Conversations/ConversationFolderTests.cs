using System.Text;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Tests.Conversations;

public sealed class ConversationFolderTests : IDisposable
{
    private const string RelativePath = "Beach House (40160)/John Smith_2026-07-15_conversation.txt";
    private static readonly ConversationFileHeader Header = new(1406, 2, 40160, "Beach House", "John Smith", null, "airbnbOfficial", new DateOnly(2026, 7, 15), null);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ConversationFileMessage Message(long id, string body) =>
        new(id, new DateTime(2026, 6, 28, 11, 0, 0, DateTimeKind.Utc).AddMinutes(id), id % 2 == 0 ? MessageDirection.Host : MessageDirection.Guest, "channel", "sent", body);

    private string Folder => _temp.Combine("Beach House (40160)");

    [Fact]
    public async Task Writes_utf8_without_bom_with_lf_line_endings_and_reads_it_back()
    {
        var store = new ConversationFolder(_temp.Path);
        var messages = new[] { Message(2, "Réponse 🏖️"), Message(1, "Hello\r\nthere") };

        var result = await store.WriteAsync(RelativePath, Header, messages);
        var read = await store.ReadAsync(RelativePath);

        var bytes = await File.ReadAllBytesAsync(result.FullPath);
        Assert.Equal(RelativePath, result.RelativePath);
        Assert.Equal(bytes.Length, result.BytesWritten);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Contains("Réponse 🏖️", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal([(0, 1L, 1), (1, 2L, 0)], result.Messages.Select(position => (position.Position, position.MessageId!.Value, position.InputIndex)));
        Assert.NotNull(read);
        Assert.Equal(Header, read.Header);
        Assert.Equal(["Hello\nthere", "Réponse 🏖️"], read.Messages.Select(parsed => parsed.Message.Body));
        Assert.Equal(result.Messages.Select(position => position.LineNumber), read.Messages.Select(parsed => parsed.LineNumber));
    }

    [Fact]
    public async Task The_old_file_stays_whole_until_the_new_one_replaces_it()
    {
        var first = new ConversationFolder(_temp.Path);
        await first.WriteAsync(RelativePath, Header, [Message(1, "old")]);
        var target = Path.Combine(Folder, "John Smith_2026-07-15_conversation.txt");
        var oldText = await File.ReadAllTextAsync(target);
        string? seenTemporary = null;
        var store = new ConversationFolder(_temp.Path)
        {
            BeforeReplace = async (temporary, cancellationToken) =>
            {
                seenTemporary = temporary;
                Assert.Equal(oldText, await File.ReadAllTextAsync(target, cancellationToken));
                Assert.Contains("new", await File.ReadAllTextAsync(temporary, cancellationToken), StringComparison.Ordinal);
                Assert.Equal(Folder, Path.GetDirectoryName(temporary));
                Assert.StartsWith(".", Path.GetFileName(temporary), StringComparison.Ordinal);
            },
        };

        await store.WriteAsync(RelativePath, Header, [Message(1, "old"), Message(2, "new")]);

        Assert.NotNull(seenTemporary);
        Assert.False(File.Exists(seenTemporary));
        Assert.Contains("new", await File.ReadAllTextAsync(target), StringComparison.Ordinal);
        Assert.Equal([target], Directory.GetFiles(Folder));
    }

    [Fact]
    public async Task A_crash_leftover_does_not_touch_the_target_is_ignored_and_is_cleaned_up_once_stale()
    {
        var store = new ConversationFolder(_temp.Path);
        await store.WriteAsync(RelativePath, Header, [Message(1, "committed")]);
        var stale = Path.Combine(Folder, ".hostawaysync-" + Guid.NewGuid().ToString("N") + ".tmp");
        var fresh = Path.Combine(Folder, ".hostawaysync-" + Guid.NewGuid().ToString("N") + ".tmp");
        await File.WriteAllTextAsync(stale, "# HostawaySync conversation (format 1)\n\n=== - | guest | - | - | -\nhalf writ");
        await File.WriteAllTextAsync(fresh, "in progress elsewhere");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));

        var read = await store.ReadAsync(RelativePath);
        var indexed = ConversationFileIndexer.Scan(_temp.Path).ToList();
        Assert.Equal("committed", Assert.Single(read!.Messages).Message.Body);
        Assert.Equal(RelativePath, Assert.Single(indexed).RelativePath);

        await store.WriteAsync("Beach House (40160)/Other_undated_conversation.txt", Header, []);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));

        Assert.Equal(0, store.CleanUpTemporaryFiles());
        Assert.Equal(1, store.CleanUpTemporaryFiles(TimeSpan.Zero));
        Assert.False(File.Exists(fresh));
    }

    [Fact]
    public async Task A_file_where_the_folder_should_be_gives_the_write_failed_error()
    {
        await File.WriteAllTextAsync(Folder, "I am a file");
        var store = new ConversationFolder(_temp.Path);

        var error = await Assert.ThrowsAsync<HostawayException>(() => store.WriteAsync(RelativePath, Header, [Message(1, "x")]));

        Assert.Equal(ErrorIds.ConversationFileWriteFailed, error.ErrorId);
        Assert.Equal(ErrorKind.StoreNotWritable, error.Kind);
        Assert.NotNull(error.InnerException);
        Assert.NotNull(error.RecommendedAction);
        Assert.Equal("I am a file", await File.ReadAllTextAsync(Folder));
    }

    [Fact]
    public async Task A_folder_where_the_file_should_be_gives_the_write_failed_error_and_leaves_no_temporary_file()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "John Smith_2026-07-15_conversation.txt"));
        var store = new ConversationFolder(_temp.Path);

        var error = await Assert.ThrowsAsync<HostawayException>(() => store.WriteAsync(RelativePath, Header, [Message(1, "x")]));

        Assert.Equal(ErrorIds.ConversationFileWriteFailed, error.ErrorId);
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Fact]
    public async Task Cancelling_before_the_replace_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        var store = new ConversationFolder(_temp.Path);
        await store.WriteAsync(RelativePath, Header, [Message(1, "old")]);
        using var cancellation = new CancellationTokenSource();
        var cancelling = new ConversationFolder(_temp.Path)
        {
            BeforeReplace = (_, _) =>
            {
                cancellation.Cancel();
                return Task.CompletedTask;
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelling.WriteAsync(RelativePath, Header, [Message(2, "new")], cancellation.Token));

        var read = await store.ReadAsync(RelativePath);
        Assert.Equal("old", Assert.Single(read!.Messages).Message.Body);
        Assert.Single(Directory.GetFiles(Folder));
    }

    [Fact]
    public async Task Reading_a_missing_file_gives_null_and_an_escaping_path_the_error()
    {
        var store = new ConversationFolder(_temp.Path);

        Assert.Null(await store.ReadAsync("nowhere (1)/x_undated_conversation.txt"));
        var error = await Assert.ThrowsAsync<HostawayException>(() => store.ReadAsync("../x.txt"));
        Assert.Equal(ErrorIds.ConversationPathOutsideRoot, error.ErrorId);
    }
}
