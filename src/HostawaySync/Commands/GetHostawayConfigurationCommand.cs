using System.Globalization;
using System.Management.Automation;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Security;
using HostawaySync.Engine.Store;
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

        if (patterns.Any(p => p.IsMatch(HostawayConfigurationSetting.RateLimitName)))
        {
            found = true;
            WriteObject(RateLimitInEffect(settings));
        }

        if (patterns.Any(p => p.IsMatch(HostawayConfigurationSetting.CredentialName)))
        {
            found = true;
            var (source, description) = CredentialResolution.Describe(new CredentialStore());
            WriteObject(HostawayConfigurationSetting.ForCredential(source, description, settings.ConfigurationPath));
        }

        foreach (var name in (Name ?? []).Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && SettingCatalog.Find(n) is null
            && !string.Equals(n, HostawayConfigurationSetting.StoreName, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(n, HostawayConfigurationSetting.CredentialName, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(n, HostawayConfigurationSetting.RateLimitName, StringComparison.OrdinalIgnoreCase)))
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

    /// <summary>
    /// The request budget the next run starts with and where it comes from: the RequestsPer10Seconds setting, or for auto
    /// the limit stored in the store in effect (read without a trace), or the lowest published one until a run finds it.
    /// </summary>
    private HostawayConfigurationSetting RateLimitInEffect(HostawaySettings settings)
    {
        var setting = settings[SettingCatalog.RequestsPer10Seconds];
        if (settings.RequestsPer10Seconds is { } set)
        {
            return HostawayConfigurationSetting.ForRateLimit(
                string.Create(CultureInfo.InvariantCulture, $"{set} per 10 s"), setting.Source.ToString(),
                "RequestsPer10Seconds is set: every run paces itself at exactly this many requests per 10 seconds and never looks for the account's limit. Set it to auto to let runs find the limit.",
                settings.ConfigurationPath);
        }

        var choice = StoreChoice.Resolve(settings, null, null, PathForDisplay);
        var known = StoreSummary.TryRead(choice.Location)?.RateLimit;
        if (known is null)
        {
            return HostawayConfigurationSetting.ForRateLimit(
                string.Create(CultureInfo.InvariantCulture, $"auto: {RatePolicy.Spend(RatePolicy.LowestPublished)} per 10 s until found"), nameof(BudgetSource.LowestPublished),
                string.Create(CultureInfo.InvariantCulture, $"No run has found the account's rate limit in {choice.Location.Display} yet. A run of {RatePolicy.SmallPlanRequests} requests or more (a first sync always) finds it: at most one 429 under the documented 15 per IP and 20 per account, none under the revised 200. Smaller runs use {RatePolicy.Spend(RatePolicy.LowestPublished)} per 10 s, safe under every published limit."),
                settings.ConfigurationPath);
        }

        var reprobe = known.Limit >= RatePolicy.HighestPublished
            ? "It is the highest published limit, so runs never look for a higher one; a 429 naming a lower one lowers it at once."
            : string.Create(CultureInfo.InvariantCulture, $"A run of {RatePolicy.SmallPlanRequests} requests or more after {known.FoundAt + RatePolicy.ReprobeAfter:yyyy-MM-dd HH:mm} UTC looks again for a higher one (at most one 429); a 429 naming a lower one lowers it at once.");
        return HostawayConfigurationSetting.ForRateLimit(
            string.Create(CultureInfo.InvariantCulture, $"auto: {RatePolicy.Spend(known.Limit)} per 10 s"), nameof(BudgetSource.Stored),
            string.Create(CultureInfo.InvariantCulture, $"The account allows {known.Describe()}, as stored in {choice.Location.Display}; runs spend 95% of it per window. {reprobe}"),
            settings.ConfigurationPath);
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
