using System.Collections.Concurrent;
using HostawaySync.Engine.Diagnostics;

namespace HostawaySync.Engine.Tests.Export;

/// <summary>A log that keeps what it is given.</summary>
internal sealed class ListLog : ISyncLog
{
    public ConcurrentQueue<(SyncLogLevel Level, string Message)> Entries { get; } = new();

    public IEnumerable<string> Warnings => Entries.Where(e => e.Level == SyncLogLevel.Warning).Select(e => e.Message);

    public bool IsEnabled(SyncLogLevel level) => true;

    public void Write(SyncLogLevel level, string message) => Entries.Enqueue((level, message));
}
