namespace HostawaySync.Simulator.Model;

/// <summary>The documented message statuses.</summary>
internal static class MessageStatuses
{
    public const string Sent = "sent";
    public const string Awaiting = "awaiting";
    public const string Paused = "paused";
    public const string Failed = "failed";
    public const string CancelledBySystem = "cancelled_by_system";
    public const string CancelledByUser = "cancelled_by_user";
}
