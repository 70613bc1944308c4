using System.Management.Automation;
using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Security;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Gets the HostawaySync settings in effect, each with the place its value came from, the store they choose and where the credential comes from.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "HostawayConfiguration")]
[OutputType(typeof(HostawayConfigurationSetting))]
public sealed class GetHostawayConfigurationCommand : HostawayCmdlet
{
    /// <summary>Only the settings with these names (wildcards allowed).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(SettingNameCompleter))]
    public string[]? Name { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var patterns = (Name ?? ["*"]).Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
        var settings = Settings;
        var found = false;
        foreach (var setting in settings.All.Where(s => patterns.Any(p => p.IsMatch(s.Definition.Name))))
        {
            found = true;
            WriteObject(HostawayConfigurationSetting.From(setting, settings.ConfigurationPath));
        }

        if (patterns.Any(p => p.IsMatch(HostawayConfigurationSetting.StoreName)))
        {
            found = true;
            WriteObject(StoreInEffect(settings));
        }

        if (patterns.Any(p => p.IsMatch(HostawayConfigurationSetting.CredentialName)))
        {
            found = true;
            var (source, description) = CredentialResolution.Describe(new CredentialStore());
            WriteObject(HostawayConfigurationSetting.ForCredential(source, description, settings.ConfigurationPath));
        }

        foreach (var name in (Name ?? []).Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && SettingCatalog.Find(n) is null
            && !string.Equals(n, HostawayConfigurationSetting.StoreName, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(n, HostawayConfigurationSetting.CredentialName, StringComparison.OrdinalIgnoreCase)))
        {
            WriteError(UnknownSetting(name));
        }

        if (!found && Name is not null && Name.All(WildcardPattern.ContainsWildcardCharacters))
        {
            WriteVerbose("No setting matches " + string.Join(", ", Name) + ".");
        }
    }

    /// <summary>The store the settings choose, and why (this cmdlet has no -DatabasePath or -DatabaseUrl, so only settings decide).</summary>
    private HostawayConfigurationSetting StoreInEffect(HostawaySettings settings)
    {
        var choice = StoreChoice.Resolve(settings, null, null, PathForDisplay);
        var decidedBy = settings.DatabaseUrl is { Length: > 0 } ? settings[SettingCatalog.DatabaseUrl] : settings[SettingCatalog.DatabasePath];
        return HostawayConfigurationSetting.ForStore(choice, decidedBy, settings.ConfigurationPath);
    }

    /// <summary>A configured path in full, resolved like the other cmdlets do; as given when PowerShell cannot resolve it.</summary>
    private string PathForDisplay(string path)
    {
        try
        {
            return SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        }
        catch (Exception exception) when (exception is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException or PSArgumentException or ProviderInvocationException)
        {
            return path;
        }
    }

    /// <summary>The error for a setting name that does not exist.</summary>
    internal static ErrorRecord UnknownSetting(string name) => ErrorRecordFactory.Create(
        ErrorIds.SettingNotFound, ErrorCategory.ObjectNotFound, $"There is no HostawaySync setting called '{name}'.",
        "Run Get-HostawayConfiguration to list the settings: " + string.Join(", ", SettingCatalog.All.Select(s => s.Name)) + ".", name);
}
