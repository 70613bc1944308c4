using System.Globalization;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Infrastructure;

/// <summary>The review types as -Type takes them, and as the API names them (<c>guest-to-host</c>, <c>host-to-guest</c>): output keeps the API's names.</summary>
internal static class ReviewTypes
{
    /// <summary>The guest's review of the stay.</summary>
    public const string GuestToHost = nameof(GuestToHost);

    /// <summary>The host's review of the guest.</summary>
    public const string HostToGuest = nameof(HostToGuest);

    /// <summary>The API's type for a -Type value.</summary>
    public static string ToApi(string type) =>
        string.Equals(type, GuestToHost, StringComparison.OrdinalIgnoreCase) ? "guest-to-host" : "host-to-guest";

    /// <summary>The error for a -MinRating above -MaxRating (no review can match), or null when the range is usable.</summary>
    public static HostawayException? RatingRangeError(double? minimum, double? maximum) => minimum > maximum
        ? new HostawayException(
            ErrorIds.RatingRangeInvalid, ErrorKind.InvalidArgument,
            string.Format(CultureInfo.InvariantCulture, "-MinRating {0} is above -MaxRating {1}: no review can match.", minimum, maximum),
            "Give a -MinRating at or below -MaxRating (both 0 to 10).", minimum)
        : null;
}
