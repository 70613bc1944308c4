using System.Text.Json;

namespace HostawaySync.Engine.Sync;

/// <summary>The reservations cursor: the newest <c>updatedOn</c> and <c>latestActivityOn</c> stored by a finished pass.</summary>
internal sealed record ReservationCursor(DateTime? UpdatedOn, DateTime? LatestActivityOn)
{
    public static ReservationCursor? Parse(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ReservationCursor>(json);

    public string ToJson() => JsonSerializer.Serialize(this);

    public ReservationCursor Max(ReservationCursor? other) => other is null ? this : new(Later(UpdatedOn, other.UpdatedOn), Later(LatestActivityOn, other.LatestActivityOn));

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
