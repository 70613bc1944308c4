using System.Runtime.Versioning;

namespace HostawaySync.Engine.Security;

/// <summary>
/// Files and folders that hold account data or secrets, made owner-only on Linux and macOS, as ssh and the cloud CLIs keep
/// theirs: folders HostawaySync creates get mode 0700, files it creates 0600. What already exists keeps the permissions its
/// owner gave it (a folder the user made group-readable on purpose stays so; a file replaced atomically keeps its mode).
/// On Windows nothing is set: new files and folders inherit the ACL of the user profile they live in.
/// </summary>
public static class OwnerOnlyFiles
{
    /// <summary>The mode of the files HostawaySync creates on Linux and macOS: read and write for the owner only (0600).</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The mode of the folders HostawaySync creates on Linux and macOS: the owner only (0700).</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates <paramref name="path"/> and its missing parents; on Linux and macOS each folder created now is 0700.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        var missing = new Stack<string>();
        for (var folder = Path.GetFullPath(path); !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
        {
            missing.Push(folder);
            if (Path.GetDirectoryName(folder) is null)
            {
                break;
            }
        }

        while (missing.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder, FolderMode);
        }
    }

    /// <summary>The options of a new file: on Linux and macOS created 0600 (the process's umask cannot widen it).</summary>
    public static FileStreamOptions NewFileOptions(FileMode mode = System.IO.FileMode.CreateNew, FileOptions options = FileOptions.None)
    {
        var created = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None, Options = options };
        if (!OperatingSystem.IsWindows())
        {
            created.UnixCreateMode = FileMode;
        }

        return created;
    }

    /// <summary>
    /// Writes a file atomically (a temporary file in the same folder, flushed, then renamed over it), creating missing folders
    /// owner-only. A new file is 0600 on Linux and macOS; a file that existed keeps its mode.
    /// </summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        CreateFolder(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, NewFileOptions()))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            KeepModeOf(path, temporary);

            File.Move(temporary, path, overwrite: true);
            temporary = null;
        }
        finally
        {
            if (temporary is not null)
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Whether users other than the owner may read, write or enter <paramref name="path"/> (any group or other bit); always false on Windows.</summary>
    public static bool IsShared(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0;

    /// <summary>
    /// Whether users other than the owner may create, rename or delete entries in the folder <paramref name="path"/> (a group or
    /// other write bit), and so replace a file in it; always false on Windows.
    /// </summary>
    public static bool IsWritableByOthers(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0;

    /// <summary>Makes an existing file or folder owner-only (0600 or 0700); nothing on Windows.</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(path, Directory.Exists(path) ? FolderMode : FileMode);
    }

    /// <summary>
    /// Before <paramref name="replacement"/> is renamed over <paramref name="existing"/>: gives it the existing file's mode, so
    /// an atomic replace keeps the permissions the owner gave the file (nothing on Windows, or when there is no such file).
    /// </summary>
    public static void KeepModeOf(string existing, string replacement)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(existing))
        {
            SetSameMode(existing, replacement);
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static void SetSameMode(string existing, string replacement) => File.SetUnixFileMode(replacement, File.GetUnixFileMode(existing));
}
