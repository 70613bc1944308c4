using System.Text.Json;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// Where an unfinished reservations pass stands, committed with each page. The cursor only advances when a
/// pass ends, because passes read newest first: a cursor moved on page 1 would hide the older pages from a
/// resumed run.
/// </summary>
/// <param name="Pass">full, changes (updatedOn order, stops at the bound) or activity (latestActivityStart filter).</param>
/// <param name="AfterId">Last reservation stored; the pass resumes after it.</param>
/// <param name="UpdatedBound">changes: stop once updatedOn falls below this.</param>
/// <param name="ActivitySince">activity: the latestActivityStart date.</param>
/// <param name="Seen">Newest times stored by this pass so far (becomes the cursor when the pass ends).</param>
/// <param name="Mode">The run's mode a full pass serves: Full, or Reconcile (its reservations pass is the same full list pass); null is Full.</param>
internal sealed record ReservationCheckpoint(string Pass, long? AfterId, DateTime? UpdatedBound, DateOnly? ActivitySince, ReservationCursor Seen, SyncMode? Mode = null)
{
    public static ReservationCheckpoint? Parse(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ReservationCheckpoint>(json);

    public string ToJson() => JsonSerializer.Serialize(this);
}
