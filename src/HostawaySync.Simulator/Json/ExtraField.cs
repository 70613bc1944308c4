using System.Text.Json;

namespace HostawaySync.Simulator.Json;

/// <summary>A field the simulator serves although the docs' sample object lacks it.</summary>
/// <param name="Name">Key.</param>
/// <param name="Kind">JSON kind when not null (<see cref="JsonValueKind.True"/> stands for either boolean).</param>
/// <param name="Nullable">Whether it may be null.</param>
/// <param name="Source">Where the README documents it.</param>
internal sealed record ExtraField(string Name, JsonValueKind Kind, bool Nullable, string Source);
