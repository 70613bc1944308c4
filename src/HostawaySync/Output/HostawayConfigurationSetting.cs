using System.Globalization;
using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Store;
using HostawaySync.Infrastructure;

namespace HostawaySync.Output;

/// <summary>What Get-HostawayConfiguration returns: one setting, its value in effect and where that value came from.</summary>
public sealed class HostawayConfigurationSetting
{
    /// <summary>The setting's name (also the Set-HostawayConfiguration parameter).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The value in effect (DatabaseUrl without its password).</summary>
    public object? Value { get; init; }

    /// <summary>Where the value came from: Default, File, Session or Environment.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>The environment variable that overrides the setting, if any.</summary>
    public string? EnvironmentVariable { get; init; }

    /// <summary>The built-in default.</summary>
    public object? DefaultValue { get; init; }

    /// <summary>What the setting does.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The per-user configuration file (it need not exist).</summary>
    public string ConfigurationPath { get; init; } = string.Empty;

    internal static HostawayConfigurationSetting From(ResolvedSetting setting, string configurationPath) => new()
    {
        Name = setting.Definition.Name,
        Value = SettingText.Shown(setting.Definition, setting.Value),
        Source = setting.Source.ToString(),
        EnvironmentVariable = setting.Definition.EnvironmentVariable,
        DefaultValue = setting.Definition.DefaultValue ?? setting.Definition.Name switch
        {
            SettingCatalog.DatabasePath => DataPaths.DefaultDatabasePath,
            SettingCatalog.ConversationsPath => DataPaths.DefaultConversationsPath,
            _ => null,
        },
        Description = setting.Definition.Description,
        ConfigurationPath = configurationPath,
    };

    /// <summary>
    /// The <see cref="StoreName"/> row: not a setting of its own but the store that DatabaseUrl and DatabasePath choose
    /// together, and why; its source is that of the setting that decided.
    /// </summary>
    internal static HostawayConfigurationSetting ForStore(StoreChoice choice, ResolvedSetting decidedBy, string configurationPath) => new()
    {
        Name = StoreName,
        Value = choice.Location.Display,
        Source = decidedBy.Source.ToString(),
        EnvironmentVariable = decidedBy.Definition.EnvironmentVariable,
        DefaultValue = DataPaths.DefaultDatabasePath,
        Description = string.Format(
            CultureInfo.InvariantCulture,
            "The store in effect for commands given neither -DatabasePath nor -DatabaseUrl: a {0} database, chosen by {1}. Precedence: a -DatabaseUrl or -DatabasePath parameter, then the DatabaseUrl setting, then the DatabasePath setting.",
            choice.Location.Provider == StoreProvider.PostgreSql ? "PostgreSQL" : "SQLite",
            choice.Reason),
        ConfigurationPath = configurationPath,
    };

    /// <summary>The name of the row that shows the store in effect.</summary>
    internal const string StoreName = "Store";

    /// <summary>The name of the row that shows the request budget the next run starts with.</summary>
    internal const string RateLimitName = "RateLimit";

    /// <summary>
    /// The <see cref="RateLimitName"/> row: not a setting but the request budget a run starts with (RequestsPer10Seconds,
    /// or for auto the limit a run found and stored), and where it comes from.
    /// </summary>
    internal static HostawayConfigurationSetting ForRateLimit(string value, string source, string description, string configurationPath) => new()
    {
        Name = RateLimitName,
        Value = value,
        Source = source,
        EnvironmentVariable = Engine.Api.HostawayClientOptions.RequestsPer10SecondsVariable,
        DefaultValue = Engine.Api.HostawayClientOptions.AutoBudget,
        Description = description,
        ConfigurationPath = configurationPath,
    };

    /// <summary>The name of the row that shows where the credential in effect comes from.</summary>
    internal const string CredentialName = "Credential";

    /// <summary>
    /// The <see cref="CredentialName"/> row: not a setting but where a command given no -Credential gets its credential
    /// (Environment, Stored or None), the account id and where it is kept; never the secret.
    /// </summary>
    internal static HostawayConfigurationSetting ForCredential(CredentialSource source, string description, string configurationPath) => new()
    {
        Name = CredentialName,
        Value = description,
        Source = source.ToString(),
        EnvironmentVariable = CredentialResolution.AccountIdVariable + ", " + CredentialResolution.ApiKeyVariable,
        Description = "The credential in effect for commands given no -Credential, never its secret. Resolution order: " + CredentialResolution.Order + ".",
        ConfigurationPath = configurationPath,
    };
}
