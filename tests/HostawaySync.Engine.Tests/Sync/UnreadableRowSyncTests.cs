using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Api;
using HostawaySync.Engine.Tests.Api.Paging;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>A row that cannot be read at all costs only itself: the rest is stored, the run says Partial with the row, and the next run completes.</summary>
public sealed class UnreadableRowSyncTests
{
    [Fact]
    public async Task A_listing_that_cannot_be_read_is_reported_with_its_position_and_the_run_is_partial()
    {
        using var temp = new TempFolder();
        var broken = new ScriptedList(150) { UnreadableId = 4990 };
        var handler = new FakeApiHandler()
            .Script("listings", broken.Answer)
            .Script("reservations", new ScriptedList(0).Answer)
            .Script("conversations", new ScriptedList(0).Answer);
        var options = Options(temp, handler);

        var first = await SyncRunner.RunAsync(options);

        Assert.Equal(SyncStatus.Partial, first.Status);
        var listings = first.Resources.Single(r => r.Resource == SyncResources.Listings);
        Assert.Equal(SyncStatus.Partial, listings.Status);
        Assert.Equal(ErrorIds.ApiRowUnreadable, listings.ErrorId);
        Assert.Contains("row 10 of the page", listings.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("unreadable id \"not-a-number\"", listings.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(SyncStatus.Succeeded, first.Resources.Single(r => r.Resource == SyncResources.Reservations).Status);
        Assert.Equal(149, Scalar(options.DatabasePath, "SELECT count(*) FROM listings WHERE deleted_at IS NULL;"));

        handler.Script("listings", new ScriptedList(150).Answer);
        var second = await SyncRunner.RunAsync(options);

        Assert.Equal(SyncStatus.Succeeded, second.Status);
        Assert.Equal(150, Scalar(options.DatabasePath, "SELECT count(*) FROM listings WHERE deleted_at IS NULL;"));
    }

    private static SyncOptions Options(TempFolder temp, FakeApiHandler handler) => new()
    {
        DatabasePath = temp.Combine("hostaway.db"),
        ConversationsPath = temp.Combine("conversations"),
        Mode = SyncMode.Full,
        Client = handler.Options("secret"),
    };

    private static long Scalar(string databasePath, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection.ExecuteScalar<long>(sql);
    }
}
