namespace HostawaySync.Simulator.Http;

/// <summary>One counter a request must fit in.</summary>
/// <param name="Key">The counter's identity, e.g. <c>ip:127.0.0.1</c> or <c>account:10450</c>.</param>
/// <param name="Limit">Requests per window; 0 means no limit.</param>
/// <param name="Applied">The value of <c>X-RateLimit-Applied</c> when this counter rejects (<c>ip</c>, <c>account</c>).</param>
internal readonly record struct RateBucket(string Key, int Limit, string Applied);
