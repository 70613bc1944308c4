namespace HostawaySync.Simulator.Mutation;

/// <summary>One row to bring to the front of its list while a client pages it (<see cref="SimulatorSettings.MoveRowEvery"/>).</summary>
/// <param name="Kind">The list.</param>
/// <param name="Id">The listing, reservation or conversation id (for <see cref="MoveKind.Message"/>, the conversation).</param>
internal sealed record RowMove(MoveKind Kind, long Id);
