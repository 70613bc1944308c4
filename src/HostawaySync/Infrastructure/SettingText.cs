using System.Globalization;
using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;

namespace HostawaySync.Infrastructure;

/// <summary>
/// Setting values as they may be shown (output, -WhatIf text, warnings): a <see cref="SettingDefinition.Sensitive"/> value
/// without its secret. DatabaseUrl, the one sensitive setting, shows as its password-free URL.
/// </summary>
internal static class SettingText
{
    /// <summary>What stands in for a sensitive value that cannot be read (it is never shown as given).</summary>
    public const string Hidden = "****";

    /// <summary>The value to show for <paramref name="definition"/>.</summary>
    public static object? Shown(SettingDefinition definition, object? value)
    {
        if (!definition.Sensitive || value is null)
        {
            return value;
        }

        try
        {
            return StoreLocation.FromUrl(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty).Display;
        }
        catch (HostawayException)
        {
            return Hidden;
        }
    }

    /// <summary>The value to show for the setting called <paramref name="name"/>.</summary>
    public static object? Shown(string name, object? value) => SettingCatalog.Find(name) is { } definition ? Shown(definition, value) : value;
}
