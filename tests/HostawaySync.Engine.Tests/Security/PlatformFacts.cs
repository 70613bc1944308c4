namespace HostawaySync.Engine.Tests.Security;

/// <summary>A fact about Linux and macOS file modes; reported as skipped, with the reason, on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Linux and macOS only: Windows has no file modes (files inherit the user profile's ACL).";
        }
    }
}

/// <summary>A fact about DPAPI; reported as skipped, with the reason, on Linux and macOS.</summary>
public sealed class WindowsFactAttribute : FactAttribute
{
    public WindowsFactAttribute()
    {
        if (!OperatingSystem.IsWindows())
        {
            Skip = "Windows only: DPAPI protects the secret there; on Linux and macOS the file's 0600 mode does.";
        }
    }
}
