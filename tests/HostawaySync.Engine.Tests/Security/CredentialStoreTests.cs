using System.Runtime.Versioning;
using System.Text;
using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Security;

namespace HostawaySync.Engine.Tests.Security;

/// <summary>The per-user credential file: round trip, owner-only modes, refusal of a shared file or folder, DPAPI on Windows.</summary>
public sealed class CredentialStoreTests : IDisposable
{
    private const string Secret = "the-api-secret-0123456789abcdef";
    private static readonly DateTimeOffset When = new(2026, 7, 14, 15, 30, 45, TimeSpan.Zero);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Folder => _temp.Combine("config");

    [Fact]
    public void Lives_next_to_the_configuration_file_by_default()
    {
        Assert.Equal(Path.Combine(Path.GetDirectoryName(ConfigurationFile.DefaultPath)!, CredentialStore.FileName), new CredentialStore().Path);
    }

    [Fact]
    public void Stores_and_reads_back_the_account_id_secret_and_time_and_never_shows_the_secret_as_text()
    {
        var store = new CredentialStore(Folder);
        Assert.Null(store.Read());

        store.Save(new StoredCredential { AccountId = "10450", Secret = Secret, SetAt = When });
        var read = store.Read();

        Assert.NotNull(read);
        Assert.Equal("10450", read.AccountId);
        Assert.Equal(Secret, read.Secret);
        Assert.Equal(When, read.SetAt);
        Assert.Null(read.Vault);
        Assert.Equal(SecretProtection.Scheme, read.Protection);
        Assert.DoesNotContain(Secret, read.ToString(), StringComparison.Ordinal);
        Assert.True(store.Delete());
        Assert.False(store.Delete());
        Assert.Null(store.Read());
    }

    [Fact]
    public void A_vault_credential_keeps_only_the_vault_name_in_the_file()
    {
        var store = new CredentialStore(Folder);
        store.Save(new StoredCredential { AccountId = "10450", SetAt = When, Vault = "SecretStore" });

        var read = store.Read()!;
        Assert.Equal("SecretStore", read.Vault);
        Assert.Null(read.Secret);
        Assert.Equal("Vault", read.Protection);
        Assert.Equal("HostawaySync-10450", read.VaultSecretName);
        Assert.DoesNotContain("\"secret\"", File.ReadAllText(store.Path), StringComparison.Ordinal);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void The_file_is_0600_in_a_0700_folder()
    {
        var store = new CredentialStore(Folder);
        store.Save(new StoredCredential { AccountId = "10450", Secret = Secret, SetAt = When });

        Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(store.Path));
        Assert.Equal(OwnerOnlyFiles.FolderMode, File.GetUnixFileMode(Folder));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void A_file_others_can_read_is_refused_with_the_command_that_fixes_it_and_never_used()
    {
        var store = new CredentialStore(Folder);
        store.Save(new StoredCredential { AccountId = "10450", Secret = Secret, SetAt = When });
        File.SetUnixFileMode(store.Path, (UnixFileMode)0b110_100_000);

        var refused = Assert.Throws<HostawayException>(store.Read);
        Assert.Equal(ErrorIds.SecretFileShared, refused.ErrorId);
        Assert.Equal(ErrorKind.Insecure, refused.Kind);
        Assert.Contains(store.Path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("0640", refused.Message, StringComparison.Ordinal);
        Assert.Equal($"Make it readable by you only: chmod 600 '{store.Path}'", refused.RecommendedAction);
        Assert.DoesNotContain(Secret, refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(ErrorIds.SecretFileShared, Assert.Throws<HostawayException>(() => store.Save(new StoredCredential { AccountId = "1", Secret = "x", SetAt = When })).ErrorId);

        // Removing it still works: only the account id and vault are read, never the secret.
        var forRemoval = store.ReadForRemoval()!;
        Assert.Equal("10450", forRemoval.AccountId);
        Assert.Null(forRemoval.Secret);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void A_folder_others_can_write_is_refused_with_chmod_700_and_one_they_can_only_read_is_not()
    {
        var store = new CredentialStore(Folder);
        store.Save(new StoredCredential { AccountId = "10450", Secret = Secret, SetAt = When });
        File.SetUnixFileMode(Folder, (UnixFileMode)0b111_101_101);
        Assert.Equal(Secret, store.Read()!.Secret);

        File.SetUnixFileMode(Folder, (UnixFileMode)0b111_111_101);
        var refused = Assert.Throws<HostawayException>(store.Read);
        Assert.Equal(ErrorIds.SecretFileShared, refused.ErrorId);
        Assert.Equal($"Make it readable by you only: chmod 700 '{Folder}'", refused.RecommendedAction);

        File.SetUnixFileMode(store.Path, (UnixFileMode)0b110_110_100);
        refused = Assert.Throws<HostawayException>(store.Read);
        Assert.Equal($"Make it readable by you only: chmod 600 '{store.Path}' && chmod 700 '{Folder}'", refused.RecommendedAction);
    }

    [Fact]
    public void A_damaged_file_is_refused_as_unreadable()
    {
        var store = new CredentialStore(Folder);
        OwnerOnlyFiles.WriteAllBytes(store.Path, "{ \"accountId\": "u8);
        Assert.Equal(ErrorIds.StoredCredentialUnreadable, Assert.Throws<HostawayException>(store.Read).ErrorId);

        OwnerOnlyFiles.WriteAllBytes(store.Path, "{ \"accountId\": \"1\", \"setAt\": \"2026-07-14T15:30:45Z\", \"protection\": \"DPAPI\", \"secret\": \"AAAA\" }"u8);
        Assert.Equal(ErrorIds.StoredCredentialUnreadable, Assert.Throws<HostawayException>(store.Read).ErrorId);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void On_Linux_and_macOS_the_file_mode_protects_the_secret()
    {
        var store = new CredentialStore(Folder);
        store.Save(new StoredCredential { AccountId = "10450", Secret = Secret, SetAt = When });
        Assert.Contains("\"FileMode\"", File.ReadAllText(store.Path), StringComparison.Ordinal);
    }

    [WindowsFact]
    public void On_Windows_the_secret_is_encrypted_with_DPAPI()
    {
        var store = new CredentialStore(Folder);
        store.Save(new StoredCredential { AccountId = "10450", Secret = Secret, SetAt = When });

        var text = File.ReadAllText(store.Path);
        Assert.Contains("\"DPAPI\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)), text, StringComparison.Ordinal);
        Assert.Equal(Secret, store.Read()!.Secret);
    }
}
