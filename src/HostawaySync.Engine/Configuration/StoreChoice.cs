using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Configuration;

/// <summary>The store a command uses, and why: what <c>Get-HostawayConfiguration</c> shows as the store in effect.</summary>
/// <param name="Location">The store.</param>
/// <param name="Reason">Why this one, in words (which parameter, setting or default chose it).</param>
public sealed record StoreChoice(StoreLocation Location, string Reason)
{
    /// <summary>
    /// Chooses the store. Precedence, highest first: a <c>-DatabaseUrl</c> or <c>-DatabasePath</c> parameter (not both);
    /// the DatabaseUrl setting from any source (environment, session, file); the DatabasePath setting (environment,
    /// session, file, default). A URL setting wins over a path setting because a team that configures a server means it
    /// for every command; <c>-DatabasePath</c> still reaches a local file for one command.
    /// </summary>
    /// <param name="settings">The settings in effect.</param>
    /// <param name="pathParameter">The -DatabasePath parameter, or null.</param>
    /// <param name="urlParameter">The -DatabaseUrl parameter, or null.</param>
    /// <param name="resolvePath">Turns a path as given into a full path (PowerShell resolves it against its current location).</param>
    /// <exception cref="Errors.HostawayException">HostawayConfigurationInvalid: both parameters, or an unreadable URL.</exception>
    public static StoreChoice Resolve(HostawaySettings settings, string? pathParameter, string? urlParameter, Func<string, string> resolvePath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(resolvePath);
        var hasPath = !string.IsNullOrWhiteSpace(pathParameter);
        var hasUrl = !string.IsNullOrWhiteSpace(urlParameter);
        if (hasPath && hasUrl)
        {
            throw new Errors.HostawayException(
                Errors.ErrorIds.ConfigurationInvalid, Errors.ErrorKind.InvalidArgument,
                "Both -DatabasePath and -DatabaseUrl were given; a command uses one store.",
                "Give -DatabasePath for a SQLite file or -DatabaseUrl for a PostgreSQL database, not both.", "DatabaseUrl");
        }

        if (hasUrl)
        {
            return new StoreChoice(StoreLocation.FromUrl(urlParameter!), "the -DatabaseUrl parameter");
        }

        if (hasPath)
        {
            return new StoreChoice(StoreLocation.FromPath(resolvePath(pathParameter!)), "the -DatabasePath parameter");
        }

        var url = settings[SettingCatalog.DatabaseUrl];
        if (url.Value is string text && !string.IsNullOrWhiteSpace(text))
        {
            var pathSource = settings[SettingCatalog.DatabasePath].Source;
            var over = pathSource == SettingSource.Default ? string.Empty : $"; it wins over the DatabasePath setting ({Describe(pathSource, SettingCatalog.DatabasePath)})";
            return new StoreChoice(StoreLocation.FromUrl(text), $"the DatabaseUrl setting ({Describe(url.Source, SettingCatalog.DatabaseUrl)}){over}");
        }

        var path = settings[SettingCatalog.DatabasePath];
        return new StoreChoice(
            StoreLocation.FromPath(resolvePath(settings.DatabasePath)),
            path.Source == SettingSource.Default ? "the default SQLite database (no DatabasePath or DatabaseUrl is set)" : $"the DatabasePath setting ({Describe(path.Source, SettingCatalog.DatabasePath)})");
    }

    private static string Describe(SettingSource source, string name) => source switch
    {
        SettingSource.Environment => "from the environment variable " + SettingCatalog.Find(name)?.EnvironmentVariable,
        SettingSource.Session => "set for this session",
        SettingSource.File => "from the configuration file",
        _ => "the default",
    };
}
