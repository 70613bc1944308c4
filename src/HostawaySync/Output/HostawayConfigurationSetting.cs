using HostawaySync.Engine.Configuration;

namespace HostawaySync.Output;

/// <summary>What Get-HostawayConfiguration returns: one setting, its value in effect and where that value came from.</summary>
public sealed class HostawayConfigurationSetting
{
    /// <summary>The setting's name (also the Set-HostawayConfiguration parameter).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The value in effect.</summary>
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
        Value = setting.Value,
        Source = setting.Source.ToString(),
        EnvironmentVariable = setting.Definition.EnvironmentVariable,
        DefaultValue = setting.Definition.DefaultValue ?? setting.Definition.Name switch
        {
            SettingCatalog.DatabasePath => DataPaths.DefaultDatabasePath,
            _ => DataPaths.DefaultConversationsPath,
        },
        Description = setting.Definition.Description,
        ConfigurationPath = configurationPath,
    };
}
