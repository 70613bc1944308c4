namespace HostawaySync.Engine.Api;

/// <summary>What a client did during a run: every figure the sync log and the benchmarks report.</summary>
/// <param name="Requests">HTTP requests sent (attempts, including retries and token requests).</param>
/// <param name="Retries">Attempts repeated after a transient failure or a 429.</param>
/// <param name="RateLimited">429 answers received.</param>
/// <param name="TransientFailures">5xx answers, timeouts, transport errors and truncated bodies.</param>
/// <param name="TokensIssued">Access tokens minted.</param>
/// <param name="BytesReceived">Response body bytes read.</param>
/// <param name="BudgetWait">Total time requests waited for the rate budget or a 429 pause.</param>
public sealed record ApiRunStatistics(long Requests, long Retries, long RateLimited, long TransientFailures, long TokensIssued, long BytesReceived, TimeSpan BudgetWait);
