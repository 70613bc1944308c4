namespace HostawaySync.Tests;

/// <summary>A fact that runs on Linux and is reported as skipped, with the reason, elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute(string reason)
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = reason;
        }
    }
}
