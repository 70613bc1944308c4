using System.Globalization;

namespace HostawaySync.Simulator.Util;

/// <summary>The API's date formats: <c>YYYY-MM-DD</c> and naive UTC <c>YYYY-MM-DD HH:MM:SS</c>.</summary>
internal static class Timestamps
{
    private static readonly long Epoch2000 = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>Seconds are the API's resolution; stored instants are kept truncated to them.</summary>
    public static DateTime Truncate(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    /// <summary>Formats a timestamp as the API does.</summary>
    public static string Format(DateTime value) =>
        value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Formats a date as the API does.</summary>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses a query-string date; only the exact documented format is accepted.</summary>
    public static bool TryParseDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>Seconds since 2000-01-01, small enough to pack with an id into one sortable long.</summary>
    public static long SortSeconds(DateTime? value) =>
        value is null ? 0 : (value.Value.Ticks - Epoch2000) / TimeSpan.TicksPerSecond;

}
