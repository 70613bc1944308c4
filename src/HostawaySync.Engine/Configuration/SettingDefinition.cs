using System.Globalization;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Configuration;

/// <summary>One configuration setting: its name, type, default, environment variable and how a raw value is checked.</summary>
public sealed class SettingDefinition
{
    private readonly Func<object, object?> _convert;

    internal SettingDefinition(string name, Type valueType, object? defaultValue, string? environmentVariable, string description, Func<object, object?> convert)
    {
        Name = name;
        ValueType = valueType;
        DefaultValue = defaultValue;
        EnvironmentVariable = environmentVariable;
        Description = description;
        _convert = convert;
    }

    /// <summary>The setting's name, as in the configuration file.</summary>
    public string Name { get; }

    /// <summary>The type of its value.</summary>
    public Type ValueType { get; }

    /// <summary>The built-in default (null for the path settings, whose default depends on the data folder).</summary>
    public object? DefaultValue { get; }

    /// <summary>The environment variable that overrides it, or null.</summary>
    public string? EnvironmentVariable { get; }

    /// <summary>Whether the value may hold a secret (a password in a database URL): errors never quote it, and it is shown redacted.</summary>
    public bool Sensitive { get; internal init; }

    /// <summary>What it does.</summary>
    public string Description { get; }

    /// <summary>
    /// Checks and converts a raw value (a string from the environment, a JSON value from the file, an object from
    /// PowerShell); <paramref name="origin"/> names where it came from in the error message.
    /// </summary>
    /// <exception cref="HostawayException">HostawayConfigurationInvalid.</exception>
    public object? Convert(object raw, string origin)
    {
        ArgumentNullException.ThrowIfNull(raw);
        try
        {
            return _convert(raw);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            throw new HostawayException(
                ErrorIds.ConfigurationInvalid,
                ErrorKind.InvalidArgument,
                Sensitive
                    ? string.Format(CultureInfo.InvariantCulture, "The setting {0} from {1} cannot be used: {2}", Name, origin, exception.Message)
                    : string.Format(CultureInfo.InvariantCulture, "The setting {0} from {1} is '{2}': {3}", Name, origin, raw, exception.Message),
                string.Format(CultureInfo.InvariantCulture, "Correct it (Set-HostawayConfiguration -{0} <value>, or the environment variable or file it came from). {1}", Name, Description),
                Name,
                exception);
        }
    }
}
