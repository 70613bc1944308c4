using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Security;

namespace HostawaySync.Engine.Configuration;

/// <summary>
/// The per-user configuration file: a JSON object of setting names and values. It never holds credentials.
/// Windows <c>%APPDATA%\HostawaySync\config.json</c>; Linux and macOS <c>$XDG_CONFIG_HOME/HostawaySync/config.json</c>
/// (<c>~/.config</c> when unset); <c>HOSTAWAY_CONFIG_PATH</c> points elsewhere.
/// </summary>
public static class ConfigurationFile
{
    /// <summary>Environment variable that names another configuration file.</summary>
    public const string PathVariable = "HOSTAWAY_CONFIG_PATH";

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    /// <summary>The configuration file's path (it need not exist).</summary>
    public static string DefaultPath
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return Path.GetFullPath(fromEnvironment);
            }

            var config = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(config))
            {
                config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify), ".config");
            }

            return Path.Combine(config, "HostawaySync", "config.json");
        }
    }

    /// <summary>The settings the file sets, checked and converted; names not known to this version are ignored.</summary>
    /// <exception cref="HostawayException">HostawayConfigurationInvalid when the file is unreadable, not a JSON object, or holds a bad value.</exception>
    public static IReadOnlyDictionary<string, object?> Read(string path)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var document = Load(path);
        if (document is null)
        {
            return values;
        }

        foreach (var (name, node) in document)
        {
            if (SettingCatalog.Find(name) is not { } setting || node is null)
            {
                continue;
            }

            using var json = JsonDocument.Parse(node.ToJsonString());
            values[setting.Name] = setting.Convert(json.RootElement.Clone(), $"the configuration file '{path}'");
        }

        return values;
    }

    /// <summary>
    /// Sets (non-null value) or removes (null value) settings in the file, keeping everything else in it, and writes
    /// it atomically (a temporary file beside it, then a rename), so a crash never leaves half a file.
    /// </summary>
    public static void Write(string path, IReadOnlyDictionary<string, object?> changes)
    {
        var document = Load(path) ?? [];
        foreach (var (name, value) in changes)
        {
            var setting = SettingCatalog.Find(name) ?? throw new ArgumentException($"Unknown setting '{name}'.", nameof(changes));
            foreach (var existing in document.Select(p => p.Key).Where(k => string.Equals(k, setting.Name, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                document.Remove(existing);
            }

            if (value is not null)
            {
                document[setting.Name] = value switch
                {
                    bool flag => JsonValue.Create(flag),
                    int number => JsonValue.Create(number),
                    double number => JsonValue.Create(number),
                    _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
                };
            }
        }

        try
        {
            // Owner-only on Linux and macOS when created (0600 in a 0700 folder); a file that exists keeps its mode.
            OwnerOnlyFiles.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(document.ToJsonString(WriteOptions) + "\n"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new HostawayException(
                ErrorIds.ConfigurationNotWritable, ErrorKind.StoreNotWritable,
                string.Format(CultureInfo.InvariantCulture, "The configuration file '{0}' cannot be written: {1}", path, exception.Message),
                $"Check the folder's permissions, point {PathVariable} elsewhere, or use -SessionOnly.", path, exception);
        }
    }

    private static JsonObject? Load(string path)
    {
        string text;
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Invalid(path, $"it cannot be read: {exception.Message}", exception);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) as JsonObject
                ?? throw Invalid(path, "it is not a JSON object.", null);
        }
        catch (JsonException exception)
        {
            throw Invalid(path, $"it is not valid JSON: {exception.Message}", exception);
        }
    }

    private static HostawayException Invalid(string path, string reason, Exception? inner) => new(
        ErrorIds.ConfigurationInvalid, ErrorKind.InvalidArgument,
        string.Format(CultureInfo.InvariantCulture, "The configuration file '{0}' cannot be used: {1}", path, reason),
        "Fix or delete the file (Set-HostawayConfiguration rewrites it), or point HOSTAWAY_CONFIG_PATH elsewhere.", path, inner);
}
