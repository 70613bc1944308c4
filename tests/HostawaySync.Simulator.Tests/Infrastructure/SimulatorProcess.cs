using System.Diagnostics;

namespace HostawaySync.Simulator.Tests.Infrastructure;

/// <summary>Starts the simulator as a program (the built dll beside the tests) with redirected output.</summary>
internal static class SimulatorProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "HostawaySync.Simulator.dll");

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }
}
