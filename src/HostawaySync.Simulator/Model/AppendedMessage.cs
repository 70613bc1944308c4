namespace HostawaySync.Simulator.Model;

/// <summary>A message added by a mutation. Its text is still derived on demand, from <see cref="Id"/>.</summary>
/// <param name="Id">Message id (larger than every generated one).</param>
/// <param name="Date">Message time.</param>
/// <param name="IsIncoming">True when the guest wrote it.</param>
/// <param name="Status">Message status.</param>
internal sealed record AppendedMessage(long Id, DateTime Date, bool IsIncoming, string Status);
