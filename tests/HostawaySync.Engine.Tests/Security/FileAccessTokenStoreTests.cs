using System.Runtime.Versioning;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Security;

namespace HostawaySync.Engine.Tests.Security;

/// <summary>The kept access tokens: per account, owner-only, tied to the secret they were minted with, refused when shared.</summary>
public sealed class FileAccessTokenStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Folder => _temp.Combine("config");

    [Fact]
    public void Keeps_one_token_per_account_and_forgets_them_one_by_one()
    {
        var store = new FileAccessTokenStore(Folder);
        Assert.Null(store.Load("1"));
        store.Delete("1");

        store.Save("1", "token-one");
        store.Save("2", "token-two");
        store.Save("1", "token-one-again");

        Assert.Equal("token-one-again", new FileAccessTokenStore(Folder).Load("1"));
        Assert.Equal("token-two", store.Load("2"));
        store.Delete("1");
        Assert.Null(store.Load("1"));
        Assert.Equal("token-two", store.Load("2"));
        store.Delete("2");
        Assert.False(File.Exists(store.FilePath));
    }

    [Fact]
    public void A_token_saved_under_one_secret_is_not_returned_for_another()
    {
        new FileAccessTokenStore(Folder, secret: "secret-a").Save("1", "token-a");

        Assert.Equal("token-a", new FileAccessTokenStore(Folder, secret: "secret-a").Load("1"));
        Assert.Null(new FileAccessTokenStore(Folder, secret: "secret-b").Load("1"));
        Assert.DoesNotContain("secret-a", File.ReadAllText(Path.Combine(Folder, FileAccessTokenStore.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_kept_under_a_changed_secret_is_handed_over_once_for_revocation_and_forgotten()
    {
        new FileAccessTokenStore(Folder, secret: "secret-a").Save("1", "token-a");
        new FileAccessTokenStore(Folder, secret: "secret-a").Save("2", "token-other-account");

        Assert.Null(new FileAccessTokenStore(Folder, secret: "secret-a").TakeStale("1"));
        Assert.Equal("token-a", new FileAccessTokenStore(Folder, secret: "secret-b").TakeStale("1"));
        Assert.Null(new FileAccessTokenStore(Folder, secret: "secret-b").TakeStale("1"));
        Assert.Null(new FileAccessTokenStore(Folder, secret: "secret-a").Load("1"));
        Assert.Equal("token-other-account", new FileAccessTokenStore(Folder, secret: "secret-a").Load("2"));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void The_file_is_0600_in_a_0700_folder()
    {
        var store = new FileAccessTokenStore(Folder);
        store.Save("1", "token-one");

        Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(store.FilePath));
        Assert.Equal(OwnerOnlyFiles.FolderMode, File.GetUnixFileMode(Folder));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void A_file_others_can_read_is_refused_and_deleted_whole_when_a_token_is_forgotten()
    {
        var store = new FileAccessTokenStore(Folder);
        store.Save("1", "token-one");
        File.SetUnixFileMode(store.FilePath, (UnixFileMode)0b110_100_100);

        var refused = Assert.Throws<HostawayException>(() => store.Load("1"));
        Assert.Equal(ErrorIds.SecretFileShared, refused.ErrorId);
        Assert.Contains(store.FilePath, refused.Message, StringComparison.Ordinal);
        Assert.Equal($"Make it readable by you only: chmod 600 '{store.FilePath}'", refused.RecommendedAction);
        Assert.DoesNotContain("token-one", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(ErrorIds.SecretFileShared, Assert.Throws<HostawayException>(() => store.Save("2", "token-two")).ErrorId);

        store.Delete("2");
        Assert.False(File.Exists(store.FilePath));
    }

    [WindowsFact]
    public void On_Windows_the_token_is_encrypted_with_DPAPI()
    {
        var store = new FileAccessTokenStore(Folder);
        store.Save("1", "token-one-plain-text");

        Assert.Contains("\"DPAPI\"", File.ReadAllText(store.FilePath), StringComparison.Ordinal);
        Assert.Equal("token-one-plain-text", store.Load("1"));
    }
}
