namespace HostawaySync.Engine.Queries;

/// <summary>Which guests to read. Null or empty members do not filter.</summary>
/// <param name="Ids">Guest ids (a merged guest's id finds the guest it was merged into).</param>
/// <param name="Names">Names, with * and ? wildcards, case-insensitive.</param>
/// <param name="Emails">Emails, with wildcards, case-insensitive.</param>
/// <param name="IncludeDeleted">Also guests all of whose reservations the API no longer has.</param>
public sealed record GuestFilter(IReadOnlyList<long>? Ids = null, IReadOnlyList<string>? Names = null, IReadOnlyList<string>? Emails = null, bool IncludeDeleted = false);
