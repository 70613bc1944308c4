using HostawaySync.Engine.Diagnostics;

namespace HostawaySync.Infrastructure;

/// <summary>
/// The engine's log, written to PowerShell's streams: Trace to Debug, Debug and Information to Verbose,
/// Warning to Warning. Which levels are wanted is decided once, from the preferences, so the engine does
/// not even build messages nobody will see. Messages are posted to the pipeline thread.
/// </summary>
internal sealed class CmdletSyncLog : ISyncLog
{
    private readonly AsyncHostawayCmdlet _cmdlet;
    private readonly bool _verbose;
    private readonly bool _debug;

    public CmdletSyncLog(AsyncHostawayCmdlet cmdlet, bool verbose, bool debug)
    {
        _cmdlet = cmdlet;
        _verbose = verbose;
        _debug = debug;
    }

    public bool IsEnabled(SyncLogLevel level) => level switch
    {
        SyncLogLevel.Trace => _debug,
        SyncLogLevel.Debug or SyncLogLevel.Information => _verbose,
        _ => true,
    };

    public void Write(SyncLogLevel level, string message)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        _cmdlet.Post(level switch
        {
            SyncLogLevel.Trace => () => _cmdlet.WriteDebug(message),
            SyncLogLevel.Warning => () => _cmdlet.WriteWarning(message),
            _ => () => _cmdlet.WriteVerbose(message),
        });
    }
}
