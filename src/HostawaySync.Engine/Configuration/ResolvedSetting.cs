namespace HostawaySync.Engine.Configuration;

/// <summary>A setting's value in effect and where it came from.</summary>
/// <param name="Definition">The setting.</param>
/// <param name="Value">Its value.</param>
/// <param name="Source">Where the value came from.</param>
public sealed record ResolvedSetting(SettingDefinition Definition, object? Value, SettingSource Source);
