using System.Diagnostics;
using HostawaySync.Engine.Tests.Sync;

namespace HostawaySync.Chaos;

/// <summary>How a sync-host process ended: killed, or its own last line "&lt;Status&gt; &lt;RunId&gt; [&lt;ErrorId&gt;]".</summary>
public sealed record HostOutcome(int ExitCode, string Status, string? ErrorId, string StandardError)
{
    public bool Killed => ExitCode == SyncHostProcess.KilledExitCode;

    public static async Task<HostOutcome> CollectAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var last = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
        var parts = last.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var status = process.ExitCode == SyncHostProcess.KilledExitCode ? "Killed" : parts.Length > 0 ? parts[0] : $"exit {process.ExitCode}";
        return new HostOutcome(process.ExitCode, status, parts.Length > 2 ? parts[2] : null, (await error).Trim());
    }

    public override string ToString() => ErrorId is null ? Status : $"{Status} {ErrorId}";
}
