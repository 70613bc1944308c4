using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Postgres.Reading;

/// <summary>
/// One simulated Small account synced into SQLite and into PostgreSQL with both kinds of deletion the queries must hide:
/// a full sync after reservations (with their conversations) and a listing were deleted at the API, so conversations are
/// marked deleted; then more reservations deleted and only a full reservations pass run, so those reservations are marked
/// deleted while their conversations are still live in the store (as after Sync-HostawayReservation -Full, or an
/// incremental conversations pass, which never sees a deletion).
/// </summary>
public sealed class DeletionsInBothStores() : AccountInBothStores(57)
{
    private static readonly DateTime Now = new(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Each store with its conversations folder, once both are synced.</summary>
    public async Task<IReadOnlyList<(StoreLocation Store, string Conversations)>> StoresAsync(PostgresServer server) =>
        [(Sqlite, SqliteConversations), (await PostgresAsync(server), PostgresConversations)];

    protected override async Task SyncAsync(PostgresStoreLocation postgres)
    {
        await SyncBothAsync(postgres, Now);
        Harness.Simulator.Mutate(new MutationRequest { DeletedListings = 1, DeletedReservations = 5, Seed = 3 });
        await SyncBothAsync(postgres, Now);
        Harness.Simulator.Mutate(new MutationRequest { DeletedReservations = 5, Seed = 4 });
        await SyncBothAsync(postgres, Now, SyncResources.Reservations);
    }
}
