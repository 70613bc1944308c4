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
}
