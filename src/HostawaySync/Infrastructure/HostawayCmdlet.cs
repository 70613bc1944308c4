using System.Management.Automation;
using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;

namespace HostawaySync.Infrastructure;

/// <summary>Base class of the HostawaySync cmdlets: path resolution and error reporting shared by all of them.</summary>
public abstract class HostawayCmdlet : PSCmdlet
{
    /// <summary>The module version, recorded in the database and the sync log.</summary>
    protected string ModuleVersion => MyInvocation.MyCommand.Module?.Version?.ToString() ?? typeof(HostawayCmdlet).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    private HostawaySettings? _settings;
    private HashSet<string>? _commandLine;

    /// <summary>
    /// The settings in effect for this invocation (environment, session values, configuration file, defaults),
    /// read once; an unusable configuration stops the cmdlet with HostawayConfigurationInvalid.
    /// </summary>
    protected HostawaySettings Settings
    {
        get
        {
            if (_settings is null)
            {
                try
                {
                    _settings = HostawaySettings.Resolve(SessionConfiguration.Current());
                }
                catch (HostawayException exception)
                {
                    ThrowTerminating(exception);
                    throw;
                }
            }

            return _settings;
        }
    }

    /// <summary>
    /// The store this command uses, and why: a -DatabaseUrl or -DatabasePath parameter, else the DatabaseUrl setting, else
    /// the DatabasePath setting (see <see cref="StoreChoice.Resolve"/>). Errors stop the cmdlet with their stable ids.
    /// </summary>
    /// <remarks>
    /// A store named on the command line wins over one a piped object carries (objects of either store carry both hidden
    /// properties, one of them empty): <c>Get-HostawayListing -DatabaseUrl $u | Get-HostawayReservation -DatabasePath x.db</c>
    /// reads x.db, as a command-line <c>-DatabasePath</c> always did. Both on the command line is an error.
    /// </remarks>
    protected StoreChoice ResolveStoreChoice(string? databasePath, string? databaseUrl)
    {
        var pathArgument = GivenOnCommandLine("DatabasePath");
        var urlArgument = GivenOnCommandLine("DatabaseUrl");
        if (pathArgument || urlArgument)
        {
            (databasePath, databaseUrl) = (pathArgument ? databasePath : null, urlArgument ? databaseUrl : null);
        }

        try
        {
            return StoreChoice.Resolve(Settings, databasePath, databaseUrl, path => ResolveFileSystemPath(path, ErrorIds.DatabasePathInvalid));
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw;
        }
    }

    /// <summary>The store this command uses (see <see cref="ResolveStoreChoice"/>).</summary>
    protected StoreLocation ResolveStore(string? databasePath, string? databaseUrl) => ResolveStoreChoice(databasePath, databaseUrl).Location;

    /// <summary>Records which parameters the command line gave (pipeline input is bound later, per object). Overrides must call it.</summary>
    protected override void BeginProcessing() => _commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the command line (not the pipeline) gave <paramref name="parameterName"/>.</summary>
    protected bool GivenOnCommandLine(string parameterName) =>
        (_commandLine ?? new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase)).Contains(parameterName);

    /// <summary>A store named by one text: a PostgreSQL URL or connection string, or else a file path (Copy-HostawayDatabase).</summary>
    protected StoreLocation ResolveStoreText(string text)
    {
        try
        {
            return StoreLocation.LooksLikePostgres(text) ? StoreLocation.FromUrl(text) : StoreLocation.FromPath(ResolveFileSystemPath(text, ErrorIds.DatabasePathInvalid));
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw;
        }
    }

    /// <summary>The conversation files root from the parameter, else the ConversationsPath setting, resolved like any PowerShell path (relative to the current location, <c>~</c> expanded).</summary>
    protected string ResolveConversationsPath(string? parameterValue) =>
        ResolveFileSystemPath(string.IsNullOrWhiteSpace(parameterValue) ? Settings.ConversationsPath : parameterValue, ErrorIds.ConfigurationInvalid);

    /// <summary>Resolves a path that may not exist yet; it must be on the file system.</summary>
    protected string ResolveFileSystemPath(string path, string errorId)
    {
        string resolved;
        ProviderInfo provider;
        try
        {
            resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        }
        catch (Exception exception) when (exception is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException or PSArgumentException)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(
                errorId, ErrorCategory.InvalidArgument, $"The path '{path}' cannot be used: {exception.Message}",
                "Give a file system path such as './hostaway.db' or '~/data/hostaway.db'.", path, exception));
            throw; // not reached: ThrowTerminatingError always throws
        }

        if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(
                errorId, ErrorCategory.InvalidArgument,
                $"The path '{path}' is on the {provider.Name} provider; HostawaySync needs a file system path.",
                "Give a file system path such as './hostaway.db' or '~/data/hostaway.db'.", path));
        }

        return resolved;
    }

    /// <summary>Whether a stream (Verbose, Debug) is wanted: the common switch if given, else the preference variable.</summary>
    protected bool StreamWanted(string switchName, string preferenceVariable)
    {
        if (MyInvocation.BoundParameters.TryGetValue(switchName, out var value) && value is SwitchParameter flag)
        {
            return flag.IsPresent;
        }

        var preference = GetVariableValue(preferenceVariable);
        var text = preference?.ToString();
        return text is not null
            && !string.Equals(text, nameof(ActionPreference.SilentlyContinue), StringComparison.OrdinalIgnoreCase)
            && !string.Equals(text, nameof(ActionPreference.Ignore), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Stops the cmdlet with the engine error's id, category and recommended action.</summary>
    protected void ThrowTerminating(HostawayException exception) => ThrowTerminatingError(ErrorRecordFactory.Create(exception));
}
