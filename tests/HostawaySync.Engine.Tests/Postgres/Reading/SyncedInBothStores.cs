using HostawaySync.Engine.Store;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Postgres.Reading;

/// <summary>
/// One simulated Small account synced into SQLite and into PostgreSQL under the same standing clock: a full sync, changes
/// at the API (deleted listings and reservations, cancellations, new messages), and a second full sync, so both stores
/// hold deleted objects and merged guests too.
/// </summary>
public sealed class SyncedInBothStores() : AccountInBothStores(41)
{
    private static readonly DateTime FirstSync = new(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime SecondSync = new(2026, 11, 3, 9, 30, 15, DateTimeKind.Utc);

    protected override async Task SyncAsync(PostgresStoreLocation postgres)
    {
        await SyncBothAsync(postgres, FirstSync);
        Harness.Simulator.Mutate(new MutationRequest
        {
            DeletedListings = 1, DeletedReservations = 6, CancelledReservations = 4, UpdatedReservations = 6, NewReservations = 6, NewMessages = 12, Seed = 11,
        });
        await SyncBothAsync(postgres, SecondSync);
    }
}
