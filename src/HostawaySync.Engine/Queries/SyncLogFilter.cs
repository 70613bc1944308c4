namespace HostawaySync.Engine.Queries;

/// <summary>Which sync log rows to read. Null members do not filter.</summary>
/// <param name="RunId">One run.</param>
/// <param name="Resources">Run, Listings, Reservations, Conversations (case-insensitive).</param>
/// <param name="Statuses">Succeeded, Partial, Failed, Cancelled, Running.</param>
/// <param name="Since">Runs started at or after (UTC).</param>
/// <param name="LastRuns">Only the most recent N runs.</param>
public sealed record SyncLogFilter(string? RunId = null, IReadOnlyList<string>? Resources = null, IReadOnlyList<string>? Statuses = null, DateTime? Since = null, int? LastRuns = null);
