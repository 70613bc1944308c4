using HostawaySync.Engine.Sync;
using HostawaySync.Output;

namespace HostawaySync.Infrastructure;

/// <summary>Translates the -Resource parameter into the engine's resource flags.</summary>
internal static class HostawayResources
{
    /// <summary>The engine flags for <paramref name="resources"/>; null means all.</summary>
    public static SyncResources ToSyncResources(IEnumerable<HostawayResource>? resources)
    {
        if (resources is null)
        {
            return SyncResources.All;
        }

        var flags = SyncResources.None;
        foreach (var resource in resources)
        {
            flags |= resource switch
            {
                HostawayResource.Listings => SyncResources.Listings,
                HostawayResource.Reservations => SyncResources.Reservations,
                HostawayResource.Conversations => SyncResources.Conversations,
                HostawayResource.Reviews => SyncResources.Reviews,
                _ => throw new ArgumentOutOfRangeException(nameof(resources), resource, "Unknown resource."),
            };
        }

        return flags;
    }
}
