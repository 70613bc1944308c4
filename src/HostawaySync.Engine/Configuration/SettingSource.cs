namespace HostawaySync.Engine.Configuration;

/// <summary>Where a setting's value came from, lowest precedence first.</summary>
public enum SettingSource
{
    /// <summary>The built-in default.</summary>
    Default,

    /// <summary>The per-user configuration file.</summary>
    File,

    /// <summary>Set for this PowerShell session only (<c>Set-HostawayConfiguration -SessionOnly</c>).</summary>
    Session,

    /// <summary>An environment variable.</summary>
    Environment,

    /// <summary>A cmdlet parameter.</summary>
    Parameter,
}
