using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Mutation;

namespace HostawaySync.Simulator.Http;

/// <summary>What a list endpoint needs beyond its query: the state to read, the settings and a way to move rows.</summary>
/// <param name="core">The simulator.</param>
/// <param name="snapshot">The state this request reads (read once per request, so one page is one state).</param>
/// <param name="settings">The settings this request runs under (read once per request).</param>
/// <param name="route">The list endpoint, whose mid-pass requests <see cref="MoveIsDue"/> counts.</param>
internal sealed class ListCall(SimulatorCore core, AccountSnapshot snapshot, SimulatorSettings settings, ApiRoute route)
{
    /// <summary>The settings of this request.</summary>
    public SimulatorSettings Settings => settings;

    /// <summary>The snapshot this request reads unless a move replaces it.</summary>
    public AccountSnapshot Snapshot => snapshot;

    /// <summary>Counts a mid-pass request; true when this one must move a row first.</summary>
    public bool MoveIsDue() => core.Moves.IsDue(route, settings.MoveRowEvery);

    /// <summary>Moves the row and returns the snapshot to serve from, or null when the row is gone by now.</summary>
    public AccountSnapshot? Move(RowMove move) => core.MoveRow(move);
}
