namespace HostawaySync.Simulator;

/// <summary>What the simulator saw since start or the last <see cref="HostawaySimulator.ResetStats"/>.</summary>
/// <param name="Requests">All <c>/v1</c> requests, whatever their outcome.</param>
/// <param name="RequestsByEndpoint">Requests per route template, e.g. <c>GET /v1/conversations/{id}/messages</c>;
/// requests matching no route count under <c>&lt;METHOD&gt; /v1/*</c>.</param>
/// <param name="RateLimited">Requests answered with HTTP 429 (exact, however many; the details of the latest are in
/// <see cref="RateLimitRefusals"/>).</param>
/// <param name="Forbidden">Requests answered with HTTP 403 (missing, unknown, revoked or not yet warm token).</param>
/// <param name="FaultsInjected">Requests that got an injected fault.</param>
/// <param name="FaultsByKind">Injected faults per <see cref="FaultKinds"/> name.</param>
/// <param name="PeakConcurrentRequests">Most <c>/v1</c> requests in flight at once.</param>
/// <param name="TokensIssued">Access tokens issued.</param>
public sealed record SimulatorStats(
    long Requests,
    IReadOnlyDictionary<string, long> RequestsByEndpoint,
    long RateLimited,
    long Forbidden,
    long FaultsInjected,
    IReadOnlyDictionary<string, long> FaultsByKind,
    int PeakConcurrentRequests,
    long TokensIssued)
{
    /// <summary>Most entries <see cref="RateLimitRefusals"/> keeps.</summary>
    public const int RateLimitRefusalCapacity = 1_000;

    /// <summary>
    /// The latest HTTP 429 answers, oldest first: all of them up to <see cref="RateLimitRefusalCapacity"/>, then the
    /// most recent that many (<see cref="RateLimited"/> stays the exact total).
    /// </summary>
    public IReadOnlyList<RateLimitRefusal> RateLimitRefusals { get; init; } = [];

    /// <summary>Rows moved to the front of their list while a client paged it (<see cref="SimulatorSettings.MoveRowEvery"/>).</summary>
    public long RowsMoved { get; init; }

    /// <summary>
    /// Access tokens of the simulated account that are live now: issued and not revoked (they never expire here). Unlike
    /// the counters, this is state: a stats reset does not zero it.
    /// </summary>
    public int LiveTokens { get; init; }

    /// <summary>The <c>/v1</c> requests other than minting and revoking tokens (<c>POST</c>/<c>DELETE /v1/accessTokens</c>).</summary>
    public long DataRequests() =>
        Requests - RequestsByEndpoint.GetValueOrDefault("POST /v1/accessTokens") - RequestsByEndpoint.GetValueOrDefault("DELETE /v1/accessTokens");
}
