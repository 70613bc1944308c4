using Dapper;
using HostawaySync.Engine.Store.Postgres;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;
using Npgsql;

namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>The whole engine against PostgreSQL: a full sync of a simulated account, compared with the API's ground truth and with SQLite.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresSyncTests(PostgresServer server)
{
    private const string GuestPartitionSql = "SELECT guest_id, reservation_id FROM reservations WHERE deleted_at IS NULL;";

    [PostgresFact]
    public async Task A_full_sync_of_the_tiny_account_stores_every_object_and_groups_guests_as_sqlite_does()
    {
        await using var harness = await SyncHarness.StartAsync(31, DatasetOptions.Tiny);
        using var database = server.CreateDatabase();
        using var conversations = new TempFolder();

        var sqlite = await harness.RunAsync(SyncMode.Full);
        var options = harness.Options(SyncMode.Full) with { ConversationsPath = conversations.Path, StoreFactory = () => PostgresSyncStore.Open(database.ConnectionString) };
        var postgres = await SyncRunner.RunAsync(options);
        var again = await SyncRunner.RunAsync(options);

        Assert.Equal((SyncStatus.Succeeded, SyncStatus.Succeeded, SyncStatus.Succeeded), (sqlite.Status, postgres.Status, again.Status));
        Assert.Equal(Counts(sqlite), Counts(postgres));
        Assert.All(again.Resources, r => Assert.Equal((0, 0), (r.Created, r.Updated)));
        var truth = harness.Simulator.GetGroundTruth();
        using var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = PostgresTarget.DefaultSchema }.ConnectionString);
        Assert.Equal(truth.Listings.Select(l => (long)l["id"]!).Order(), pg.Query<long>("SELECT listing_id FROM listings WHERE deleted_at IS NULL AND raw_json <> '{}' ORDER BY 1;"));
        Assert.Equal(truth.Reservations.Select(r => (long)r["id"]!).Order(), pg.Query<long>("SELECT reservation_id FROM reservations WHERE deleted_at IS NULL ORDER BY 1;"));
        Assert.Equal(truth.Conversations.Select(c => (long)c["id"]!).Order(), pg.Query<long>("SELECT conversation_id FROM conversations WHERE deleted_at IS NULL ORDER BY 1;"));
        Assert.Equal(
            truth.Listings.SelectMany(l => l["listingImages"]!.AsArray().Select(i => (long)i!["id"]!)).Order(),
            pg.Query<long>("SELECT photo_id FROM listing_photos ORDER BY 1;"));
        var messages = truth.MessagesByConversation.Values.SelectMany(list => list.Select(m => (long)m["id"]!)).Order().ToList();
        Assert.Equal(messages, pg.Query<long>("SELECT message_id FROM messages_metadata ORDER BY 1;"));
        Assert.Equal(messages, pg.Query<long>("SELECT message_id FROM message_search ORDER BY 1;"));
        Assert.Empty(pg.Query<long>("SELECT conversation_id FROM conversations WHERE file_path IS NULL;"));
        Assert.All(pg.Query<string>("SELECT status FROM sync_logs;"), status => Assert.Equal("Succeeded", status));

        using var lite = harness.Open();
        Assert.Equal(Partition(lite.Query<(long, long)>(GuestPartitionSql)), Partition(pg.Query<(long, long)>(GuestPartitionSql)));
        Assert.Equal(lite.ExecuteScalar<long>("SELECT count(*) FROM guest_merges;"), pg.ExecuteScalar<long>("SELECT count(*) FROM guest_merges;"));
    }

    private static List<(SyncResources, int, int, int, int, long)> Counts(SyncRunResult run) =>
        [.. run.Resources.Select(r => (r.Resource, r.Created, r.Updated, r.Unchanged, r.Deleted, r.Messages))];

    // The reservations of each guest, whatever ids the guests have.
    private static List<string> Partition(IEnumerable<(long Guest, long Reservation)> rows) =>
        rows.GroupBy(row => row.Guest).Select(g => string.Join(",", g.Select(row => row.Reservation).Order())).Order(StringComparer.Ordinal).ToList();
}
