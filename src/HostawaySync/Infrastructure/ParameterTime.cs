namespace HostawaySync.Infrastructure;

/// <summary>Turns -Since/-Until values into UTC, as the store keeps its times.</summary>
internal static class ParameterTime
{
    /// <summary>A time without a kind (typed at the prompt: '2026-01-01') is the user's local time.</summary>
    public static DateTime? ToUtc(DateTime? value) =>
        value is { } time ? (time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Local) : time).ToUniversalTime() : null;
}
