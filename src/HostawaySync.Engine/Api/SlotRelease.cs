namespace HostawaySync.Engine.Api;

/// <summary>Slots of the request budget that free at <paramref name="At"/> (UTC): requests that count in the server's window until then.</summary>
/// <param name="At">When they leave the window.</param>
/// <param name="Count">How many.</param>
public sealed record SlotRelease(DateTime At, int Count);
