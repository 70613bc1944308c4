namespace HostawaySync.Engine.Api;

/// <summary>Where the request budget in force comes from.</summary>
public enum BudgetSource
{
    /// <summary>RequestsPer10Seconds was set (parameter, environment or configuration): obeyed exactly, no discovery.</summary>
    Setting,

    /// <summary>Auto, nothing known yet and no probe (a small plan): the lowest published limit.</summary>
    LowestPublished,

    /// <summary>Auto: the limit an earlier run found, read from the sync state.</summary>
    Stored,

    /// <summary>Auto: the run is finding the limit (see <see cref="RatePolicy"/>).</summary>
    Probing,

    /// <summary>Auto: this run found the limit (a probe that passed, or a 429 that named it).</summary>
    Discovered,
}

/// <summary>
/// The "auto" request budget. Hostaway has published two sets of limits: 15 requests per 10 s per IP and 20 per account
/// (the official snapshot), and 200 per 10 s per account and per IP (the 2026-08-20 revision); a 429 names the limit that
/// fired (<c>X-RateLimit-Limit</c>), nothing else does. The client spends <see cref="Spend"/> (95% of a limit in any window;
/// each request holds its slot for the window plus 250 ms after its answer, so about 90% on average).
/// </summary>
/// <remarks>
/// <para>
/// Discovery, in the run of a plan big enough to gain from it: requests go out at full concurrency until the window holds
/// <see cref="LowestPublished"/>; then one at a time until <see cref="SerialProbeCeiling"/> requests passed inside one
/// window (one above the published per-account 20), so an account at 15 or 20 draws exactly one 429, whose header names
/// the limit; past that the only published limit left is 200, and the budget climbs to <see cref="Spend"/>(200) at full
/// concurrency. When <see cref="ProbeConfirms"/> pass inside one window, the account allows at least that: the client never goes beyond
/// the highest published limit without a 429 naming a higher one, so that is the finding. An account at a limit nobody
/// has published between 22 and 189 can draw one 429 per request in flight when its limit is crossed (at most the
/// concurrency, 8), once; the header then names its limit.
/// </para>
/// <para>
/// The finding is stored with the sync state; later runs start at it and do not probe. A 429 at any time lowers the budget
/// at once (and the stored finding with it). A finding below the highest published limit is probed again after
/// <see cref="ReprobeAfter"/> (limits change when Hostaway revises them, as on 2026-08-20, not from day to day; a week
/// picks a raised limit up within the weekly reconcile's cadence and costs an account still at 15 or 20 one 429 a week);
/// a finding at the highest published limit is never probed again, since there is nothing higher to find.
/// </para>
/// </remarks>
public static class RatePolicy
{
    /// <summary>The official snapshot's per-IP limit: safe under every published set.</summary>
    public const int LowestPublished = 15;

    /// <summary>The official snapshot's per-account limit.</summary>
    public const int DocumentedAccountLimit = 20;

    /// <summary>The revised limit (per account and per IP): the highest published.</summary>
    public const int HighestPublished = 200;

    /// <summary>Requests that must pass in one window before the probe leaves one-at-a-time (one above the per-account 20).</summary>
    public const int SerialProbeCeiling = DocumentedAccountLimit + 1;

    /// <summary>
    /// Requests that must pass inside one window, with no 429, for the probe to settle on the highest published limit: 90% of
    /// its spend, which a window reaches both in a run's first seconds and at the steady pace (each slot is held a little
    /// longer than the window, so later windows hold a little under the spend).
    /// </summary>
    public const int ProbeConfirms = 171;

    /// <summary>Plans estimated below this many requests never probe (they would finish before the probe pays off).</summary>
    public const int SmallPlanRequests = 60;

    /// <summary>How long a finding below the highest published limit is trusted before a run probes again.</summary>
    public static readonly TimeSpan ReprobeAfter = TimeSpan.FromDays(7);

    /// <summary>The requests per window the client allows itself under <paramref name="limit"/>: 95% of it, at least one.</summary>
    public static int Spend(int limit) => Math.Max(1, limit * 95 / 100);

    /// <summary>
    /// Whether a run whose plan estimates <paramref name="estimatedRequests"/> (null: unknown, as before a first sync)
    /// should find the limit, given what is stored: not for a small plan, not when a finding is recent or already at the
    /// highest published limit.
    /// </summary>
    public static bool ShouldProbe(RateLimitFinding? known, long? estimatedRequests, DateTime now) =>
        estimatedRequests is null or >= SmallPlanRequests
        && (known is null || (known.Limit < HighestPublished && now - known.FoundAt >= ReprobeAfter));

    /// <summary>The budget an auto run starts with (probing starts at the highest published pace).</summary>
    public static int StartBudget(RateLimitFinding? known, bool probe) =>
        Spend(probe ? HighestPublished : known?.Limit ?? LowestPublished);
}
