namespace HostawaySync.Infrastructure;

/// <summary>Review types and statuses as the cmdlets name them, and as the API does (<c>guest-to-host</c>, <c>host-to-guest</c>).</summary>
internal static class ReviewTypes
{
    /// <summary>The -Type values.</summary>
    public const string GuestToHost = nameof(GuestToHost);

    /// <summary>The -Type values.</summary>
    public const string HostToGuest = nameof(HostToGuest);

    /// <summary>The review statuses the API documents, for -Status.</summary>
    public static readonly string[] Statuses = ["awaiting", "pending", "scheduled", "submitted", "published", "expired"];

    /// <summary>The API's type for a -Type value.</summary>
    public static string ToApi(string type) =>
        string.Equals(type, GuestToHost, StringComparison.OrdinalIgnoreCase) ? "guest-to-host" : "host-to-guest";

    /// <summary>The -Type value for the API's type (anything else as sent).</summary>
    public static string? ToParameter(string? type) => type switch
    {
        "guest-to-host" => GuestToHost,
        "host-to-guest" => HostToGuest,
        _ => type,
    };
}
