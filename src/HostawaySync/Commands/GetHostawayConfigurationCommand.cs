using System.Management.Automation;
using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Gets the HostawaySync settings in effect, each with the place its value came from.</para>
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

        foreach (var name in (Name ?? []).Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && SettingCatalog.Find(n) is null))
        {
            WriteError(UnknownSetting(name));
        }

        if (!found && Name is not null && Name.All(WildcardPattern.ContainsWildcardCharacters))
        {
            WriteVerbose("No setting matches " + string.Join(", ", Name) + ".");
        }
    }

    /// <summary>The error for a setting name that does not exist.</summary>
    internal static ErrorRecord UnknownSetting(string name) => ErrorRecordFactory.Create(
        ErrorIds.SettingNotFound, ErrorCategory.ObjectNotFound, $"There is no HostawaySync setting called '{name}'.",
        "Run Get-HostawayConfiguration to list the settings: " + string.Join(", ", SettingCatalog.All.Select(s => s.Name)) + ".", name);
}
