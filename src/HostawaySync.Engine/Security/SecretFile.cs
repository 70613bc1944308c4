using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Security;

/// <summary>
/// A JSON file that holds a secret (the stored credential, the kept access tokens), in the configuration folder next to
/// config.json. It is written atomically and owner-only; one that users other than its owner can read, or that lies in a
/// folder they can read, is refused with HostawaySecretFileShared and the chmod command that fixes it: never used silently.
/// </summary>
internal sealed class SecretFile
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    private readonly string _what;

    /// <param name="path">The file.</param>
    /// <param name="what">What it is, for messages ("credential file").</param>
    public SecretFile(string path, string what)
    {
        Path = System.IO.Path.GetFullPath(path);
        _what = what;
    }

    /// <summary>The configuration folder (that of config.json, so HOSTAWAY_CONFIG_PATH moves it too).</summary>
    public static string DefaultFolder => System.IO.Path.GetDirectoryName(ConfigurationFile.DefaultPath)!;

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    private string Folder => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The file's JSON object, or null when there is no file.</summary>
    /// <param name="evenIfShared">Read a file others can read too (only to remove what it names, never to use its secret).</param>
    public JsonObject? Read(bool evenIfShared = false)
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        if (!evenIfShared)
        {
            EnsureOwnerOnly();
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(Path, Encoding.UTF8)) as JsonObject
                ?? throw SecretProtection.Unreadable(Path, "it is not a JSON object", null);
        }
        catch (JsonException exception)
        {
            throw SecretProtection.Unreadable(Path, "it is not valid JSON", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw SecretProtection.Unreadable(Path, exception.Message.TrimEnd('.'), exception);
        }
    }

    /// <summary>Replaces the file atomically (a new file and folder are owner-only); refuses a file or folder others can read.</summary>
    public void Write(JsonObject content)
    {
        EnsureOwnerOnly();
        try
        {
            OwnerOnlyFiles.WriteAllBytes(Path, Encoding.UTF8.GetBytes(content.ToJsonString(WriteOptions) + "\n"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new HostawayException(
                ErrorIds.ConfigurationNotWritable, ErrorKind.StoreNotWritable,
                string.Format(CultureInfo.InvariantCulture, "The {0} '{1}' cannot be written: {2}", _what, Path, exception.Message),
                $"Check the folder's permissions, or point {ConfigurationFile.PathVariable} at a configuration file in a folder you can write.", Path, exception);
        }
    }

    /// <summary>Deletes the file; false when there was none.</summary>
    public bool Delete()
    {
        if (!File.Exists(Path))
        {
            return false;
        }

        File.Delete(Path);
        return true;
    }

    /// <summary>
    /// Throws HostawaySecretFileShared when the file can be read by other users, or its folder written by them (they could
    /// replace the file), as ssh judges ~/.ssh. A folder others may only read or enter (0755, as older versions created the
    /// configuration folder) is fine: the 0600 file in it is still the owner's alone.
    /// </summary>
    public void EnsureOwnerOnly()
    {
        var sharedFolder = Directory.Exists(Folder) && OwnerOnlyFiles.IsWritableByOthers(Folder);
        var sharedFile = File.Exists(Path) && OwnerOnlyFiles.IsShared(Path);
        if (!sharedFolder && !sharedFile)
        {
            return;
        }

        var problems = new List<string>();
        var fixes = new List<string>();
        if (sharedFile)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "the file has mode {0}", Mode(Path)));
            fixes.Add($"chmod 600 '{Path}'");
        }

        if (sharedFolder)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "its folder '{0}' has mode {1}, so other users can replace it", Folder, Mode(Folder)));
            fixes.Add($"chmod 700 '{Folder}'");
        }

        throw new HostawayException(
            ErrorIds.SecretFileShared, ErrorKind.Insecure,
            $"The {_what} '{Path}' is not owner-only ({string.Join(" and ", problems)}): other users could read the secret in it, so HostawaySync does not use it.",
            "Make it readable by you only: " + string.Join(" && ", fixes), Path);
    }

    /// <summary>A text property of <paramref name="entry"/>, or null.</summary>
    public static string? Text(JsonObject? entry, string name) =>
        entry?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Mode(string path) =>
        OperatingSystem.IsWindows() ? string.Empty : Convert.ToString((int)File.GetUnixFileMode(path), 8).PadLeft(4, '0');
}
