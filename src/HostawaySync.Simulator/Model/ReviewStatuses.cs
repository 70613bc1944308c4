namespace HostawaySync.Simulator.Model;

/// <summary>The documented review statuses and types.</summary>
internal static class ReviewStatuses
{
    /// <summary>The stay is not over, or nobody has reviewed yet.</summary>
    public const string Awaiting = "awaiting";

    /// <summary>A host-to-guest review the host still has to write.</summary>
    public const string Pending = "pending";

    /// <summary>A host-to-guest auto review waiting for its <c>scheduledDateTime</c>.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>Written, not yet visible on the channel.</summary>
    public const string Submitted = "submitted";

    /// <summary>Visible on the channel.</summary>
    public const string Published = "published";

    /// <summary>The review period ended without a review.</summary>
    public const string Expired = "expired";

    /// <summary>The guest reviews the host.</summary>
    public const string GuestToHost = "guest-to-host";

    /// <summary>The host reviews the guest.</summary>
    public const string HostToGuest = "host-to-guest";

    /// <summary>Every status, in lifecycle order.</summary>
    public static readonly string[] All = [Awaiting, Pending, Scheduled, Submitted, Published, Expired];

    /// <summary>Both types.</summary>
    public static readonly string[] Types = [GuestToHost, HostToGuest];

    /// <summary>Whether a review in this status has been written (and so has a rating).</summary>
    public static bool IsWritten(string status) => status is Submitted or Published;
}
