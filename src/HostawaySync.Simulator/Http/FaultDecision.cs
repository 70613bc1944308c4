namespace HostawaySync.Simulator.Http;

/// <summary>Whether and how a request fails.</summary>
/// <param name="Kind">The fault, or <see cref="FaultKinds.None"/>.</param>
/// <param name="StatusCode">For <see cref="FaultKinds.ServerError"/>: 500, 502 or 503.</param>
internal readonly record struct FaultDecision(FaultKinds Kind, int StatusCode)
{
    /// <summary>No fault.</summary>
    public static FaultDecision None { get; } = new(FaultKinds.None, 0);
}
