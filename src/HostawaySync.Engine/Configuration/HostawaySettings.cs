namespace HostawaySync.Engine.Configuration;

/// <summary>
/// The settings in effect, each with its source. Precedence, highest first: a cmdlet parameter (applied by the
/// caller), an environment variable, a session value (<c>Set-HostawayConfiguration -SessionOnly</c>), the per-user
/// configuration file, the built-in default.
/// </summary>
public sealed class HostawaySettings
{
    private readonly Dictionary<string, ResolvedSetting> _settings;

    private HostawaySettings(Dictionary<string, ResolvedSetting> settings, string configurationPath)
    {
        _settings = settings;
        ConfigurationPath = configurationPath;
    }

    /// <summary>The configuration file that was read (it need not exist).</summary>
    public string ConfigurationPath { get; }

    /// <summary>Every setting, in catalog order.</summary>
    public IEnumerable<ResolvedSetting> All => SettingCatalog.All.Select(s => _settings[s.Name]);

    /// <summary>The database path (may be relative when it came from the environment).</summary>
    public string DatabasePath => (string)this[SettingCatalog.DatabasePath].Value!;

    /// <summary>The PostgreSQL database URL or connection string (may hold a password: never show it), or null.</summary>
    public string? DatabaseUrl => (string?)this[SettingCatalog.DatabaseUrl].Value;

    /// <summary>The conversation files root (may be relative when it came from the environment).</summary>
    public string ConversationsPath => (string)this[SettingCatalog.ConversationsPath].Value!;

    /// <summary>The API root.</summary>
    public Uri BaseUrl => new((string)this[SettingCatalog.BaseUrl].Value!);

    /// <summary>The request budget per 10 seconds; null for "auto" (the client finds the account's limit).</summary>
    public int? RequestsPer10Seconds => this[SettingCatalog.RequestsPer10Seconds].Value as int?;

    /// <summary>Whether listing photo metadata is stored.</summary>
    public bool StorePhotoMetadata => (bool)this[SettingCatalog.StorePhotoMetadata].Value!;

    /// <summary>Whether an automatic first run is a full sync.</summary>
    public bool SyncFullOnStart => (bool)this[SettingCatalog.SyncFullOnStart].Value!;

    /// <summary>Whether automatic later runs are incremental.</summary>
    public bool SyncIncrementalDaily => (bool)this[SettingCatalog.SyncIncrementalDaily].Value!;

    /// <summary>The -IfDue interval.</summary>
    public TimeSpan SyncInterval => TimeSpan.FromHours((double)this[SettingCatalog.SyncIntervalHours].Value!);

    /// <summary>How old the last full or reconcile pass may grow before an automatic run reconciles; zero: never.</summary>
    public TimeSpan ReconcileInterval => TimeSpan.FromHours((double)this[SettingCatalog.ReconcileIntervalHours].Value!);

    /// <summary>The incremental overlap.</summary>
    public TimeSpan IncrementalOverlap => TimeSpan.FromMinutes((int)this[SettingCatalog.IncrementalOverlapMinutes].Value!);

    /// <summary>How far before the previous pass an incremental reviews pass reads again.</summary>
    public TimeSpan ReviewWindow => TimeSpan.FromDays((int)this[SettingCatalog.ReviewWindowDays].Value!);

    /// <summary>One setting by name (case-insensitive).</summary>
    public ResolvedSetting this[string name] => _settings[name];

    /// <summary>
    /// Resolves every setting from the environment, <paramref name="session"/> values and the configuration file at
    /// <paramref name="configurationPath"/> (default <see cref="ConfigurationFile.DefaultPath"/>).
    /// </summary>
    /// <exception cref="Errors.HostawayException">HostawayConfigurationInvalid, naming the file or variable at fault.</exception>
    public static HostawaySettings Resolve(IReadOnlyDictionary<string, object?>? session = null, string? configurationPath = null)
    {
        var path = configurationPath ?? ConfigurationFile.DefaultPath;
        var file = ConfigurationFile.Read(path);
        var sessionValues = session is null ? null : new Dictionary<string, object?>(session, StringComparer.OrdinalIgnoreCase);
        var settings = new Dictionary<string, ResolvedSetting>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in SettingCatalog.All)
        {
            var value = setting.DefaultValue ?? BuiltInDefault(setting.Name);
            var source = SettingSource.Default;
            if (file.TryGetValue(setting.Name, out var fromFile) && fromFile is not null)
            {
                (value, source) = (fromFile, SettingSource.File);
            }

            if (sessionValues is not null && sessionValues.TryGetValue(setting.Name, out var fromSession) && fromSession is not null)
            {
                (value, source) = (setting.Convert(fromSession, "this session"), SettingSource.Session);
            }

            var fromEnvironment = setting.EnvironmentVariable is null ? null : Environment.GetEnvironmentVariable(setting.EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                (value, source) = (setting.Convert(fromEnvironment, $"the environment variable {setting.EnvironmentVariable}"), SettingSource.Environment);
            }

            settings[setting.Name] = new ResolvedSetting(setting, value, source);
        }

        return new HostawaySettings(settings, path);
    }

    private static string? BuiltInDefault(string name) => name switch
    {
        SettingCatalog.DatabaseUrl => null,
        SettingCatalog.DatabasePath => DataPaths.DefaultDatabasePath,
        SettingCatalog.ConversationsPath => DataPaths.DefaultConversationsPath,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No built-in default."),
    };
}
