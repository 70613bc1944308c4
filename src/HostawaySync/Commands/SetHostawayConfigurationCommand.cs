using System.Globalization;
using System.Management.Automation;
using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Changes HostawaySync settings: in the per-user configuration file, or for this session only.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "HostawayConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(HostawayConfigurationSetting))]
public sealed class SetHostawayConfigurationCommand : HostawayCmdlet
{
    /// <summary>The database file (stored as a full path).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DatabasePath { get; set; }

    /// <summary>
    /// A PostgreSQL database to use instead of the SQLite file (postgresql://user@host:port/database?schema=name or
    /// Host=...;Database=...). The configuration file never holds a password: one in the URL is refused unless -SessionOnly.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DatabaseUrl { get; set; }

    /// <summary>The root folder of the conversation text files (stored as a full path).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ConversationsPath { get; set; }

    /// <summary>The Hostaway API root.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BaseUrl { get; set; }

    /// <summary>Requests the client may start per 10 seconds, 1 to 1000, or auto (find the account's limit).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? RequestsPer10Seconds { get; set; }

    /// <summary>Store listing photo URLs and metadata.</summary>
    [Parameter]
    public bool? StorePhotoMetadata { get; set; }

    /// <summary>Whether a run without -Full or -Incremental does a full sync when nothing has been synced yet.</summary>
    [Parameter]
    public bool? SyncFullOnStart { get; set; }

    /// <summary>Whether runs without -Full or -Incremental after the first are incremental (otherwise full).</summary>
    [Parameter]
    public bool? SyncIncrementalDaily { get; set; }

    /// <summary>Invoke-HostawaySync -IfDue does nothing when the last successful sync is younger than this.</summary>
    [Parameter]
    [ValidateRange(0.1, 8760.0)]
    public double? SyncIntervalHours { get; set; }

    /// <summary>
    /// A run without -Full, -Incremental or -Reconcile reconciles instead of running incrementally when the last full or
    /// reconcile pass is older than this many hours (0 to 87600); 0 never. Other values fail with HostawayConfigurationInvalid.
    /// </summary>
    [Parameter]
    public double? ReconcileIntervalHours { get; set; }

    /// <summary>How far back (minutes) an incremental sync looks past its cursor.</summary>
    [Parameter]
    [ValidateRange(0, 1440)]
    public int? IncrementalOverlapMinutes { get; set; }

    /// <summary>How many days before the previous run an incremental run reads reviews again, by departure date (7 to 3650).</summary>
    [Parameter]
    [ValidateRange(7, 3650)]
    public int? ReviewWindowDays { get; set; }

    /// <summary>Settings to remove from the file (or the session), so that their default applies again. Wildcards allowed.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(SettingNameCompleter))]
    public string[]? Reset { get; set; }

    /// <summary>Change the settings for this PowerShell session only; the file is not touched.</summary>
    [Parameter]
    public SwitchParameter SessionOnly { get; set; }

    /// <summary>Return the changed settings as they are now in effect.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var changes = Changes();
        if (changes.Count == 0)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(
                ErrorIds.ConfigurationInvalid, ErrorCategory.InvalidArgument, "No setting was given to change.",
                "Name at least one setting, for example Set-HostawayConfiguration -SyncIntervalHours 6, or -Reset <name>.", null));
        }

        var path = ConfigurationFile.DefaultPath;
        var description = string.Join(", ", changes.Select(c => c.Value is null ? $"reset {c.Key}" : string.Format(CultureInfo.InvariantCulture, "{0} = {1}", c.Key, SettingText.Shown(c.Key, c.Value))));
        if (!ShouldProcess(SessionOnly ? "this session" : path, "Set " + description))
        {
            return;
        }

        try
        {
            if (SessionOnly)
            {
                SessionConfiguration.Apply(changes);
            }
            else
            {
                ConfigurationFile.Write(path, changes);
            }

            var now = HostawaySettings.Resolve(SessionConfiguration.Current(), path);
            foreach (var name in changes.Keys)
            {
                var setting = now[name];
                if (setting.Source == SettingSource.Environment)
                {
                    WriteWarning($"{name} is set by the environment variable {setting.Definition.EnvironmentVariable}, which takes precedence: the value in effect stays '{SettingText.Shown(setting.Definition, setting.Value)}'.");
                }
                else if (!SessionOnly && setting.Source == SettingSource.Session)
                {
                    WriteWarning($"{name} has a session value (Set-HostawayConfiguration -SessionOnly), which takes precedence in this session: the value in effect stays '{SettingText.Shown(setting.Definition, setting.Value)}'.");
                }
                else if (name == SettingCatalog.DatabasePath && changes[name] is not null && now.DatabaseUrl is { Length: > 0 })
                {
                    WriteWarning($"The DatabaseUrl setting ({Where(now[SettingCatalog.DatabaseUrl])}) wins over DatabasePath: commands keep using PostgreSQL until DatabaseUrl is cleared (Set-HostawayConfiguration -Reset DatabaseUrl{(SessionOnly ? " -SessionOnly" : string.Empty)}), or given -DatabasePath.");
                }

                if (PassThru)
                {
                    WriteObject(HostawayConfigurationSetting.From(setting, path));
                }
            }
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
        }
    }

    private static string Where(ResolvedSetting setting) => setting.Source switch
    {
        SettingSource.Environment => "from " + setting.Definition.EnvironmentVariable,
        SettingSource.Session => "set for this session",
        _ => "in the configuration file",
    };

    private Dictionary<string, object?> Changes()
    {
        var changes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pattern in Reset ?? [])
        {
            var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase);
            var matched = SettingCatalog.All.Where(s => wildcard.IsMatch(s.Name)).ToList();
            if (matched.Count == 0)
            {
                ThrowTerminatingError(GetHostawayConfigurationCommand.UnknownSetting(pattern));
            }

            matched.ForEach(s => changes[s.Name] = null);
        }

        void Add(string name, object? value)
        {
            if (value is not null)
            {
                changes[name] = SettingCatalog.Find(name)!.Convert(value, "the parameter -" + name);
            }
        }

        try
        {
            // Paths are stored in full: a relative path in a file would depend on wherever the next session starts.
            Add(SettingCatalog.DatabasePath, DatabasePath is null ? null : ResolveFileSystemPath(DatabasePath, ErrorIds.DatabasePathInvalid));
            Add(SettingCatalog.DatabaseUrl, DatabaseUrl);
            Add(SettingCatalog.ConversationsPath, ConversationsPath is null ? null : ResolveFileSystemPath(ConversationsPath, ErrorIds.ConfigurationInvalid));
            Add(SettingCatalog.BaseUrl, BaseUrl);
            Add(SettingCatalog.RequestsPer10Seconds, RequestsPer10Seconds);
            Add(SettingCatalog.StorePhotoMetadata, StorePhotoMetadata);
            Add(SettingCatalog.SyncFullOnStart, SyncFullOnStart);
            Add(SettingCatalog.SyncIncrementalDaily, SyncIncrementalDaily);
            Add(SettingCatalog.SyncIntervalHours, SyncIntervalHours);
            Add(SettingCatalog.ReconcileIntervalHours, ReconcileIntervalHours);
            Add(SettingCatalog.IncrementalOverlapMinutes, IncrementalOverlapMinutes);
            Add(SettingCatalog.ReviewWindowDays, ReviewWindowDays);
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
        }

        if (!SessionOnly && changes.TryGetValue(SettingCatalog.DatabaseUrl, out var url) && url is string text && StoreLocation.HoldsPassword(text))
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(
                ErrorIds.ConfigurationInvalid, ErrorCategory.InvalidArgument,
                "The DatabaseUrl holds a password, and HostawaySync never writes a password into the configuration file. Nothing was changed.",
                "Save the URL without the password and give the password through the PGPASSWORD environment variable or a pgpass file (~/.pgpass; %APPDATA%\\postgresql\\pgpass.conf on Windows), or keep the URL with its password for this session only: Set-HostawayConfiguration -DatabaseUrl <url> -SessionOnly.",
                SettingCatalog.DatabaseUrl));
        }

        return changes;
    }
}
