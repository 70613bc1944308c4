using Microsoft.Extensions.Hosting;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// A host lifetime that ignores Ctrl+C and SIGTERM. The default console lifetime would stop every simulator in
/// a test process on Ctrl+C; the program entry point handles signals itself.
/// </summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    /// <inheritdoc/>
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
