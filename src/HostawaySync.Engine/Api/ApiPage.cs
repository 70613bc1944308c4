namespace HostawaySync.Engine.Api;

/// <summary>One page of a list endpoint: its items and whatever paging fields the envelope carried.</summary>
internal sealed record ApiPage<T>(IReadOnlyList<T> Items, int? Count, int? Limit, int? Offset);
