using HostawaySync.Engine.Api;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// Compares the API's counts with the database, per resource: one request per resource, nothing written. Counts
/// can only show drift in numbers (rows missing or extra), not changed content; a full sync repairs both.
/// </summary>
public static class SyncVerifier
{
    /// <summary>Counts listings, reservations, conversations and reviews on both sides.</summary>
    public static async Task<IReadOnlyList<ResourceDrift>> CompareAsync(
        HostawayClientOptions clientOptions, StoreLocation database, SyncResources resources, ISyncLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientOptions);
        var stored = new List<(SyncResources Resource, ApiResource Api, long Count, DateTime? LastSuccessAt)>();
        using (var store = StoreOpener.OpenForReading(database))
        {
            foreach (var (resource, api, table, name) in Resources().Where(r => resources.HasFlag(r.Resource)))
            {
                stored.Add((resource, api, store.LiveCount(table), StoreClock.Parse(store.ReadState(name)?.LastSuccessAt)));
            }

            // A handful of requests: never a probe, but the limit a sync found and the requests it left in the window count.
            if (RateLimitState.FromJson(store.ReadState(RateLimitState.StateName)?.Checkpoint) is { } state)
            {
                clientOptions = clientOptions with
                {
                    KnownRateLimit = clientOptions.KnownRateLimit ?? state.Finding,
                    RecentRequests = state.Recent,
                };
            }
        }

        // The same token rule as a sync: the kept token, or one minted here and revoked when the client is disposed.
        var client = new HostawayClient(clientOptions, log);
        await using var disposeClient = client.ConfigureAwait(false);
        var results = new List<ResourceDrift>();
        foreach (var (resource, api, count, lastSuccessAt) in stored)
        {
            var apiCount = await client.GetCountAsync(api, cancellationToken).ConfigureAwait(false);
            log.Write(SyncLogLevel.Information, $"{resource}: the API counts {apiCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}, the database holds {count}.");
            results.Add(new ResourceDrift(resource, apiCount, count, lastSuccessAt));
        }

        return results;
    }

    private static (SyncResources Resource, ApiResource Api, StoreTable Table, string StateName)[] Resources() =>
    [
        (SyncResources.Listings, ApiResource.Listings, StoreTable.Listings, "listings"),
        (SyncResources.Reservations, ApiResource.Reservations, StoreTable.Reservations, "reservations"),
        (SyncResources.Conversations, ApiResource.Conversations, StoreTable.Conversations, "conversations"),
        (SyncResources.Reviews, ApiResource.Reviews, StoreTable.Reviews, "reviews"),
    ];
}
