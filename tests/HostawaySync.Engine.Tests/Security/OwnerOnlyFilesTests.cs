using HostawaySync.Engine.Security;

namespace HostawaySync.Engine.Tests.Security;

/// <summary>Folders and files HostawaySync creates are owner-only on Linux and macOS; what exists keeps its mode.</summary>
public sealed class OwnerOnlyFilesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void New_folders_are_0700_and_new_files_0600_while_existing_ones_keep_their_mode()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows: the profile's ACL is inherited; nothing to set.
        }

        var existing = _temp.Combine("shared");
        Directory.CreateDirectory(existing);
        File.SetUnixFileMode(existing, (UnixFileMode)0b111_101_101);
        var file = Path.Combine(existing, "a", "b", "secret.json");

        OwnerOnlyFiles.WriteAllBytes(file, "one"u8);

        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(existing));
        Assert.Equal(OwnerOnlyFiles.FolderMode, File.GetUnixFileMode(Path.Combine(existing, "a")));
        Assert.Equal(OwnerOnlyFiles.FolderMode, File.GetUnixFileMode(Path.Combine(existing, "a", "b")));
        Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(file));
        Assert.False(OwnerOnlyFiles.IsShared(file));
        Assert.True(OwnerOnlyFiles.IsShared(existing));

        // A file whose owner gave it another mode keeps it when it is replaced; no temporary file stays behind.
        File.SetUnixFileMode(file, (UnixFileMode)0b110_100_000);
        OwnerOnlyFiles.WriteAllBytes(file, "two"u8);
        Assert.Equal("two", File.ReadAllText(file));
        Assert.Equal((UnixFileMode)0b110_100_000, File.GetUnixFileMode(file));
        Assert.True(OwnerOnlyFiles.IsShared(file));
        Assert.Equal(["secret.json"], Directory.GetFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName));

        OwnerOnlyFiles.Restrict(file);
        Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(file));
    }
}
