using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Api;
using HostawaySync.Engine.Tests.Api.Paging;
using Microsoft.Data.Sqlite;
using static System.FormattableString;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>A row that cannot be read, or one conversation whose messages are refused, costs only itself: the rest is stored, the run says Partial with what was missed, and the next run completes.</summary>
public sealed class OddAnswerSyncTests
{
    [Fact]
    public async Task A_listing_that_cannot_be_read_is_reported_with_its_position_and_the_run_is_partial()
    {
        using var temp = new TempFolder();
        var broken = new ScriptedList(150) { UnreadableId = 4990 };
        var handler = new FakeApiHandler()
            .Script("listings", broken.Answer)
            .Script("reservations", new ScriptedList(0).Answer)
            .Script("conversations", new ScriptedList(0).Answer)
            .Script("reviews", new ScriptedList(0).Answer);
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

    [Fact]
    public async Task A_conversation_whose_messages_are_refused_costs_only_itself_and_the_next_run_stores_it()
    {
        using var temp = new TempFolder();
        var conversations = new ScriptedList(3);
        var (refused, other) = (conversations.Ids[0], conversations.Ids[1]);
        var handler = new FakeApiHandler()
            .Script("listings", new ScriptedList(0).Answer)
            .Script("reservations", new ScriptedList(0).Answer)
            .Script("conversations", conversations.Answer)
            .Script("reviews", new ScriptedList(0).Answer)
            .Script(Invariant($"conversations/{refused}"), _ => Ok("{\"status\":\"success\",\"result\":{\"id\":" + Invariant($"{refused}") + "}}"))
            .Script(Invariant($"conversations/{refused}/messages"), _ => Ok("""{"status":"fail","message":"Something went wrong"}"""));
        foreach (var id in conversations.Ids.Skip(1))
        {
            handler.Script(Invariant($"conversations/{id}/messages"), _ => Ok(OneMessage(id)));
        }

        var options = Options(temp, handler);

        var first = await SyncRunner.RunAsync(options);

        var result = first.Resources.Single(r => r.Resource == SyncResources.Conversations);
        Assert.Equal(SyncStatus.Partial, result.Status);
        Assert.Equal(ErrorIds.SyncIncomplete, result.ErrorId);
        Assert.Contains(Invariant($"conversation {refused}: "), result.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Something went wrong", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(2, Scalar(options.DatabasePath, "SELECT count(*) FROM messages_metadata;"));
        Assert.Equal(1, Scalar(options.DatabasePath, Invariant($"SELECT count(*) FROM messages_metadata WHERE conversation_id = {other};")));

        handler.Script(Invariant($"conversations/{refused}/messages"), _ => Ok(OneMessage(refused)));
        var second = await SyncRunner.RunAsync(options with { Mode = null });

        Assert.Equal(SyncStatus.Succeeded, second.Status);
        Assert.Equal(3, Scalar(options.DatabasePath, "SELECT count(*) FROM messages_metadata;"));
    }

    private static string OneMessage(long conversationId) =>
        "{\"status\":\"success\",\"count\":1,\"limit\":100,\"offset\":0,\"result\":[{\"id\":" + Invariant($"{conversationId * 10},\"conversationId\":{conversationId}")
        + ",\"body\":\"Hello\",\"isIncoming\":1,\"status\":\"sent\",\"date\":\"2026-01-02 10:00:00\"}]}";

    private static HttpResponseMessage Ok(string json) => FakeApiHandler.Json(System.Net.HttpStatusCode.OK, json);

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
