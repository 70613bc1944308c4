using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Tests.Conversations;

public sealed class ConversationPathEscapeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public ConversationPathEscapeTests()
    {
        Root = _temp.Combine("root");
        Outside = _temp.Combine("outside");
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Outside);
    }

    private string Root { get; }

    private string Outside { get; }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\x")]
    [InlineData("a/../../x")]
    [InlineData("a/../b")]
    [InlineData("./a")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("/abs")]
    [InlineData("\\abs")]
    [InlineData("C:\\x")]
    [InlineData("C:x")]
    [InlineData("a/b.txt:stream")]
    [InlineData("CON")]
    [InlineData("x/aux.txt")]
    [InlineData("x/nul")]
    [InlineData("a\u0000b")]
    [InlineData("a\nb")]
    public void Paths_that_leave_the_root_are_refused_with_the_stable_error_id(string relativePath)
    {
        var paths = new ConversationPaths(Root);

        var error = Assert.Throws<HostawayException>(() => paths.FullPath(relativePath));

        Assert.Equal(ErrorIds.ConversationPathOutsideRoot, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.NotNull(error.RecommendedAction);
    }

    [Fact]
    public void An_absolute_path_to_the_root_itself_or_elsewhere_is_refused()
    {
        var paths = new ConversationPaths(Root);

        Assert.Equal(ErrorIds.ConversationPathOutsideRoot, Assert.Throws<HostawayException>(() => paths.FullPath(Root)).ErrorId);
        Assert.Equal(ErrorIds.ConversationPathOutsideRoot, Assert.Throws<HostawayException>(() => paths.FullPath(Path.Combine(Outside, "x.txt"))).ErrorId);
        Assert.Equal(ErrorIds.ConversationPathOutsideRoot, Assert.Throws<HostawayException>(() => paths.RelativePathOf(Path.Combine(Outside, "x.txt"))).ErrorId);
    }

    [Fact]
    public async Task A_symbolic_link_that_leads_outside_is_refused_and_nothing_is_written_there()
    {
        Directory.CreateSymbolicLink(Path.Combine(Root, "escape (1)"), Outside);
        File.CreateSymbolicLink(Path.Combine(Root, "passwd.txt"), Path.Combine(Outside, "target.txt"));
        Directory.CreateDirectory(Path.Combine(Root, "real"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "alias"), Path.Combine(Root, "real"));
        var store = new ConversationFolder(Root);

        var throughFolder = await Assert.ThrowsAsync<HostawayException>(() => store.WriteAsync("escape (1)/x_conversation.txt", ConversationFileHeader.Empty, []));
        var throughFile = await Assert.ThrowsAsync<HostawayException>(() => store.WriteAsync("passwd.txt", ConversationFileHeader.Empty, []));
        var inside = await store.WriteAsync("alias/y_conversation.txt", ConversationFileHeader.Empty, []);

        Assert.Equal(ErrorIds.ConversationPathOutsideRoot, throughFolder.ErrorId);
        Assert.Equal(ErrorIds.ConversationPathOutsideRoot, throughFile.ErrorId);
        Assert.Empty(Directory.GetFileSystemEntries(Outside));
        Assert.True(File.Exists(Path.Combine(Root, "real", "y_conversation.txt")));
        Assert.Equal("alias/y_conversation.txt", inside.RelativePath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\u0000b")]
    public void An_invalid_root_is_a_configuration_error(string root)
    {
        var error = Assert.Throws<HostawayException>(() => new ConversationPaths(root));

        Assert.Equal(ErrorIds.ConfigurationInvalid, error.ErrorId);
    }
}
