namespace HostawaySync.Simulator.Http;

/// <summary>An issued token.</summary>
/// <param name="AccountId">The account it grants access to.</param>
/// <param name="IssuedTimestamp">Issue time on the real monotonic clock (warm-up is real time).</param>
/// <param name="Revoked">Whether it was revoked.</param>
internal sealed record TokenRecord(long AccountId, long IssuedTimestamp, bool Revoked);
