using System.Data.Common;
using Dapper;
using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Store;
using static HostawaySync.Engine.Tests.Store.Contract.ContractDocuments;

namespace HostawaySync.Engine.Tests.Store.Contract;

/// <summary>
/// What every store must do, written through <see cref="ISyncStore"/> and read back through it (a few rows and counts
/// through the provider's own connection). Each store runs all of it: SQLite and PostgreSQL must answer alike.
/// </summary>
public abstract class StoreContractTests
{
    private const string Now = "2024-07-01T12:00:00Z";
    private const string Later = "2024-07-02T08:30:15Z";

    private protected abstract ISyncStore OpenStore();

    /// <summary>A connection to the store's tables, for counts and columns the contract does not expose.</summary>
    protected abstract DbConnection OpenReader();

    /// <summary>The store as the read side (the Get- cmdlets' queries) opens it.</summary>
    private protected abstract StoreLocation Location { get; }

    /// <summary>The messages whose indexed text matches a word.</summary>
    protected abstract IReadOnlyList<long> SearchMessages(string word);

    /// <summary>The reviews whose indexed text matches a word.</summary>
    protected abstract IReadOnlyList<long> SearchReviews(string word);

    [StoreFact]
    public void Reviews_are_created_then_unchanged_and_a_changed_one_replaces_its_categories_and_search_terms()
    {
        using var store = OpenStore();
        var page = new[]
        {
            Review(1, 20, "published", 9, "Spotless flat, lovely terrace", categories: [("cleanliness", 10), ("location", 8)]),
            Review(2, 21, "awaiting", null, null),
        };

        var first = Run(store, work => work.WriteReviews(page, Now));
        var second = Run(store, work => work.WriteReviews(page, Later));
        var changed = Run(store, work => work.WriteReviews(
            [Review(1, 20, "published", 6, "Noisy street at night", categories: [("cleanliness", 7)]), Review(2, 21, "awaiting", null, null)], Later));

        Assert.Equal((2, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 2), (second.Created, second.Updated, second.Unchanged));
        Assert.Equal((0, 1, 1), (changed.Created, changed.Updated, changed.Unchanged));
        using var reader = OpenReader();
        Assert.Equal([("cleanliness", 7.0)], reader.Query<(string, double)>("SELECT category, CAST(rating AS float) FROM review_categories ORDER BY review_id, category;").AsList());
        Assert.Equal((6.0, 1L), reader.QuerySingle<(double, long)>("SELECT CAST(rating AS float), category_count FROM reviews WHERE review_id = 1;"));
        Assert.Empty(SearchReviews("terrace"));
        Assert.Equal([1L], SearchReviews("noisy"));
        Assert.Equal(2, store.LiveCount(StoreTable.Reviews));
    }

    [StoreFact]
    public void Unseen_reviews_of_a_window_are_those_departing_on_or_after_its_first_day()
    {
        using var store = OpenStore();
        Run(store, work => work.WriteReviews(
            [Review(1, 20, "published", 9, "a", "2024-05-31 23:59:59"), Review(2, 21, "published", 9, "b", "2024-06-01 00:00:00"),
             Review(3, 22, "published", 9, "c", "2024-06-20 11:00:00"), Review(4, 23, "published", 9, "d", "2024-06-21 11:00:00")], Now));
        Run(store, work =>
        {
            work.MarkSeen("reviews", [4]);
            work.SoftDelete(StoreTable.Reviews, [3], Now);
        });

        Assert.Equal([2L], store.UnseenReviewsDepartingSince("reviews", "2024-06-01"));
    }

    [StoreFact]
    public void Checkpoints_and_cursors_round_trip_and_uncommitted_work_is_not_stored()
    {
        using var store = OpenStore();
        Assert.Null(store.ReadState("listings"));

        Run(store, work => work.SaveCheckpoint("listings", "offset=200;limit=100 ü", Now));
        var resumed = store.ReadState("listings");
        using (var abandoned = store.Begin())
        {
            abandoned.SaveCheckpoint("listings", "never", Later);
        }

        Run(store, work => work.CompletePass("listings", "2024-06-30T23:59:59Z", full: true, Now));
        var full = store.ReadState("listings");
        Run(store, work => work.CompletePass("listings", "cursor-2", full: false, Later));

        Assert.Equal(new SyncStateRow("listings", null, "offset=200;limit=100 ü", null, null), resumed);
        Assert.Equal(new SyncStateRow("listings", "2024-06-30T23:59:59Z", null, Now, Now), full);
        Assert.Equal(new SyncStateRow("listings", "cursor-2", null, Now, Later), store.ReadState("listings"));
    }

    [StoreFact]
    public void Seen_ids_are_counted_once_and_unseen_live_rows_are_found()
    {
        using var store = OpenStore();
        Run(store, work => work.WriteListings([Listing(1, "A"), Listing(2, "B"), Listing(3, "C")], storePhotos: true, Now));

        Run(store, work => work.MarkSeen("listings", [1, 2]));
        Run(store, work => work.MarkSeen("listings", [2, 2, 99]));
        var counted = store.SeenCount("listings");
        var unseen = store.Unseen("listings", StoreTable.Listings);
        Run(store, work => work.ClearSeen("listings"));

        Assert.Equal(3, counted);
        Assert.Equal([3L], unseen);
        Assert.Equal(0, store.SeenCount("listings"));
        Assert.Equal([1L, 2, 3], store.Unseen("listings", StoreTable.Listings).Order());
    }

    [StoreFact]
    public void Listings_written_twice_are_created_then_unchanged_and_a_changed_one_is_updated()
    {
        using var store = OpenStore();
        var page = new[] { Listing(1, "Sea view"), Listing(2, "Old town") };

        var first = Run(store, work => work.WriteListings(page, storePhotos: true, Now));
        var second = Run(store, work => work.WriteListings(page, storePhotos: true, Later));
        var changed = Run(store, work => work.WriteListings([Listing(1, "Sea view"), Listing(2, "Old town, renovated")], storePhotos: true, Later));

        Assert.Equal((2, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 2), (second.Created, second.Updated, second.Unchanged));
        Assert.Equal((0, 1, 1), (changed.Created, changed.Updated, changed.Unchanged));
        Assert.Equal(2, store.LiveCount(StoreTable.Listings));
        using var reader = OpenReader();
        Assert.Equal(["Old town, renovated", "Sea view"], reader.Query<string>("SELECT name FROM listings ORDER BY name;"));
        Assert.Equal([10L, 20], reader.Query<long>("SELECT photo_id FROM listing_photos ORDER BY photo_id;"));
    }

    [StoreFact]
    public void Soft_deleted_rows_stay_stored_and_come_back_when_listed_again()
    {
        using var store = OpenStore();
        Run(store, work => work.WriteListings([Listing(1, "A"), Listing(2, "B")], storePhotos: false, Now));

        var deleted = Run(store, work => work.SoftDelete(StoreTable.Listings, [1, 7], Later));
        var again = Run(store, work => work.SoftDelete(StoreTable.Listings, [1], Later));
        var live = store.LiveCount(StoreTable.Listings);
        var revived = Run(store, work => work.WriteListings([Listing(1, "A")], storePhotos: false, Later));

        Assert.Equal((1, 0, 1), (deleted, again, live));
        Assert.Equal((0, 1), (revived.Created, revived.Updated));
        Assert.Equal(2, store.LiveCount(StoreTable.Listings));
        using var reader = OpenReader();
        Assert.Equal(2L, reader.ExecuteScalar<long>("SELECT count(*) FROM listings;"));
    }

    [StoreFact]
    public void Reservations_of_repeat_guests_fall_into_the_same_guests_and_merges_are_recorded()
    {
        using var store = OpenStore();
        Run(store, work => work.WriteReservations(
            [Reservation(1, 5, "Ann@Example.com"), Reservation(2, 5, " ann@example.com "), Reservation(3, 5, externalId: "E1"), Reservation(4, 6, "bo@example.com", "E1"), Reservation(5, 6)],
            Now));
        Run(store, work => work.WriteReservations([Reservation(6, 5, "cy@example.com", arrival: "2024-08-01")], Now));
        Run(store, work => work.WriteReservations([Reservation(7, 5, externalId: "F1", arrival: "2024-09-01")], Now));
        var merging = Run(store, work => work.WriteReservations([Reservation(8, 5, "CY@example.com", "F1", arrival: "2024-07-01")], Now));
        var repeated = Run(store, work => work.WriteReservations([Reservation(1, 5, "Ann@Example.com"), Reservation(8, 5, "CY@example.com", "F1", arrival: "2024-07-01")], Later));
        var removed = Run(store, work => work.SoftDeleteReservations([7], Later));

        Assert.Equal((1, 2, 1), (merging.Created, repeated.Unchanged, removed));
        using var reader = OpenReader();
        var partition = reader.Query<(long Guest, long Reservation)>("SELECT guest_id, reservation_id FROM reservations;")
            .GroupBy(row => row.Guest).Select(g => string.Join(",", g.Select(row => row.Reservation).Order())).Order();
        Assert.Equal(["1,2", "3,4", "5", "6,7,8"], partition);
        Assert.Equal(1L, reader.ExecuteScalar<long>("SELECT count(*) FROM guest_merges;"));
        var survivor = reader.QuerySingle<(long Count, string? Email, string? External)>(
            "SELECT reservation_count, email, external_account_id FROM guests g WHERE g.guest_id = (SELECT guest_id FROM reservations WHERE reservation_id = 8);");
        Assert.Equal((2L, "cy@example.com", "F1"), survivor);
        Assert.Equal(1L, reader.ExecuteScalar<long>("SELECT count(*) FROM guests WHERE merged_into_guest_id IS NOT NULL;"));
        Assert.Equal(7, store.ListedReservations().Count);
    }

    [StoreFact]
    public void Guests_made_and_merged_within_one_page_end_as_the_older_guest_with_every_merge_recorded()
    {
        using var store = OpenStore();
        Run(store, work => work.WriteReservations([Reservation(1, 5, "old@example.com")], Now));
        using var reader = OpenReader();
        var oldGuest = reader.ExecuteScalar<long>("SELECT guest_id FROM reservations WHERE reservation_id = 1;");

        // 4 joins the new guests of 2 and 3; 6 joins the new guest of 5 to the stored guest of 1; 7 repeats 2's email.
        var counts = Run(store, work => work.WriteReservations(
            [Reservation(2, 5, "a@example.com"), Reservation(3, 5, externalId: "X1"), Reservation(4, 5, "A@example.com", "X1", arrival: "2024-07-01"),
             Reservation(5, 5, externalId: "X2"), Reservation(6, 5, "old@example.com", "X2", arrival: "2024-08-01"), Reservation(7, 5, "a@example.com")],
            Now));

        Assert.Equal((6, 0, 0), (counts.Created, counts.Updated, counts.Unchanged));
        var stays = reader.Query<(long Guest, long Reservation)>("SELECT guest_id, reservation_id FROM reservations;")
            .GroupBy(row => row.Guest).ToDictionary(g => string.Join(",", g.Select(row => row.Reservation).Order()), g => g.Key);
        Assert.Equal(["1,5,6", "2,3,4,7"], stays.Keys.Order());
        Assert.Equal(oldGuest, stays["1,5,6"]);
        Assert.True(stays["2,3,4,7"] > oldGuest);
        Assert.Equal(2L, reader.ExecuteScalar<long>("SELECT count(*) FROM guest_merges;"));
        Assert.Equal(0L, reader.ExecuteScalar<long>("SELECT count(*) FROM guest_merges m JOIN guests g ON g.guest_id = m.merged_guest_id WHERE g.merged_into_guest_id IS DISTINCT FROM m.survivor_guest_id OR g.reservation_count <> 0 OR g.full_name IS NOT NULL;"));
        Assert.Equal(0L, reader.ExecuteScalar<long>("SELECT count(*) FROM guest_identity_keys k JOIN guests g ON g.guest_id = k.guest_id WHERE g.merged_into_guest_id IS NOT NULL;"));
        var survivors = reader.Query<(long Id, long Count, string? Name, string? Email, string? External)>(
            "SELECT guest_id, reservation_count, full_name, email, external_account_id FROM guests WHERE merged_into_guest_id IS NULL ORDER BY guest_id;").AsList();
        Assert.Equal([(oldGuest, 3L, "Guest 6", "old@example.com", "X2"), (stays["2,3,4,7"], 4L, "Guest 4", "a@example.com", "X1")], survivors);
    }

    [StoreFact]
    public void The_sync_log_opens_closes_and_closes_what_a_dead_run_left_running()
    {
        using var store = OpenStore();

        var finished = store.OpenLog("run-1", "Run", "Full", Now, null, "1.0.0");
        store.CloseLog(finished, new SyncLogRecord("Succeeded", "Full", 1234, 5, 1, 2, 0, 9, 1, 0, "cursor-after", null, null), Later);
        store.OpenLog("run-2", "listings", "Incremental", Later, "cursor-after", "1.0.0");
        var interrupted = store.CloseInterruptedLogs(Later);

        Assert.Equal(1, interrupted);
        Assert.Equal(0, store.CloseInterruptedLogs(Later));
        using var reader = OpenReader();
        var rows = reader.Query<(string Status, long Created, string? Cursor, string? ErrorId)>(
            "SELECT status, created, cursor_after, error_id FROM sync_logs ORDER BY sync_log_id;").AsList();
        Assert.Equal([("Succeeded", 5L, "cursor-after", null), ("Failed", 0L, null, "HostawaySyncInterrupted")], rows);
    }

    [StoreFact]
    public void The_sync_log_keeps_the_request_budget_of_a_closed_row_and_its_source_and_reads_them_back()
    {
        using (var store = OpenStore())
        {
            var run = store.OpenLog("run-1", "Run", "Full", Now, null, "1.0.0");
            var pass = store.OpenLog("run-1", "Listings", "Full", Now, null, "1.0.0");
            store.CloseLog(pass, new SyncLogRecord("Succeeded", "Full", 4000, 3, 0, 0, 0, 12, 0, 0, "cursor-after", null, null), Later);
            store.CloseLog(run, new SyncLogRecord("Succeeded", "Full", 5000, 3, 0, 0, 0, 12, 0, 1, null, null, null, RequestsPer10Seconds: 190, RateLimitSource: "probed"), Later);
            store.OpenLog("run-2", "Run", "Incremental", Later, null, "1.0.0");
        }

        // Read as Get-HostawaySyncLog reads them, newest first.
        var rows = StoreReader.SyncLog(Location, new SyncLogFilter())
            .Select(e => (e.RunId, e.Resource, e.Status, e.RequestsPer10Seconds, e.RateLimitSource)).ToList();

        Assert.Equal(
            [("run-2", "Run", "Running", null, null), ("run-1", "Listings", "Succeeded", null, null), ("run-1", "Run", "Succeeded", (int?)190, "probed")],
            rows);
    }

    [StoreFact]
    public void Messages_are_stored_with_their_file_positions_and_indexed_for_search()
    {
        using var store = OpenStore();
        WriteConversation(store);
        List<HostawayMessage> messages = [Message(101, 30, "Where is the parking garage?"), Message(102, 30, "The keys are in the lockbox.")];

        var added = Run(store, work => work.WriteMessages(30, messages, FileResult("chats/30.txt", messages.Count), Now));
        var again = Run(store, work => work.WriteMessages(30, messages, FileResult("chats/30.txt", messages.Count), Later));
        Run(store, work => work.SetConversationFile(30, "chats/30.txt", 2));

        Assert.Equal((2, 0), (added, again));
        Assert.Equal([101L], SearchMessages("garage"));
        Assert.Equal([102L], SearchMessages("lockbox"));
        Assert.Equal(["chats/30.txt"], store.ConversationFilePaths());
        var facts = store.ConversationFile(30);
        Assert.Equal((30L, (long?)5, "2024-06-01", "chats/30.txt"), (facts.ConversationId, facts.ListingId, facts.ArrivalDate, facts.FilePath));
        using (var work = store.Begin())
        {
            Assert.Equal([(101L, (int?)0), (102L, 1)], work.MessagesInFile("chats/30.txt").Order());
        }

        var kept = Run(store, work => work.WriteMessages(30, [messages[1]], FileResult("chats/30.txt", 1), Later));
        Assert.Equal(0, kept);
        Assert.Empty(SearchMessages("garage"));
        Assert.Equal([102L], SearchMessages("lockbox"));
    }

    [StoreFact]
    public void Conversation_markers_follow_reservation_activity()
    {
        using var store = OpenStore();
        WriteConversation(store);
        Run(store, work => work.WriteReservations([Reservation(21, 5, "solo@example.com")], Now));

        var due = store.ReservationsWithNewActivity("2099-01-01T00:00:00Z");
        Run(store, work => work.MarkConversationsSynced(20));
        Run(store, work => work.MarkConversationlessReservationsSynced());
        var after = store.ReservationsWithNewActivity("2099-01-01T00:00:00Z");
        var recent = store.ReservationsWithNewActivity("2024-05-01T10:00:00Z");
        var dueMessages = store.ConversationsDueForMessages("conversations.done");
        var withoutSeen = store.ReservationsWithoutSeenConversation("conversations");
        Run(store, work => work.MarkSeen("conversations.done", [30]));

        Assert.Equal([20L, 21], due);
        Assert.Empty(after);
        Assert.Equal([20L, 21], recent);
        Assert.Equal("2024-05-01T10:00:00Z", store.NewestReservationActivity());
        Assert.Equal([30L], dueMessages);
        Assert.Equal([20L, 21], withoutSeen);
        Assert.Empty(store.ConversationsDueForMessages("conversations.done"));
        Run(store, work => work.ForgetConversationsChangedSince("conversations.done", "2099-01-01T00:00:00Z"));
        Assert.Empty(store.ConversationsDueForMessages("conversations.done"));
        Run(store, work => work.ForgetConversationsChangedSince("conversations.done", Now));
        Assert.Equal([30L], store.ConversationsDueForMessages("conversations.done"));
    }

    [StoreFact]
    public void The_search_backfill_finds_its_files_and_messages_marked_unindexed_are_indexed_again()
    {
        using var store = OpenStore();
        WriteConversation(store);
        List<HostawayMessage> messages = [Message(101, 30, "alpha"), Message(102, 30, "bravo")];
        Run(store, work => work.WriteMessages(30, messages, FileResult("chats/30.txt", 2), Now));

        var files = store.SearchBackfillFiles(string.Empty);
        var count = store.SearchBackfillMessages(string.Empty);
        var after = store.SearchBackfillFiles("chats/30.txt");
        Run(store, work =>
        {
            work.IndexMessageText(101, "charlie");
            work.MarkUnindexed([102]);
            work.SaveCheckpoint(MessageSearchIndex.BackfillResource, "chats/30.txt", Now);
        });
        var (oldText, newText) = (SearchMessages("alpha"), SearchMessages("charlie"));
        Run(store, work => work.WriteMessages(30, [Message(101, 30, "alpha"), Message(102, 30, "delta")], FileResult("chats/30.txt", 2), Later));
        Run(store, work => work.FinishSearchBackfill());

        Assert.Equal(["chats/30.txt"], files);
        Assert.Equal(2L, count);
        Assert.Empty(after);
        Assert.Empty(oldText);
        Assert.Equal([101L], newText);
        Assert.Equal([101L], SearchMessages("charlie"));
        Assert.Equal([102L], SearchMessages("delta"));
        Assert.Null(store.ReadState(MessageSearchIndex.BackfillResource));
    }

    [StoreFact]
    public void Legacy_files_are_indexed_matched_to_their_conversation_and_forgotten()
    {
        using var store = OpenStore();
        WriteConversation(store);
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("Sea view"));
        File.WriteAllText(folder.Combine("Sea view", "Guest 20_2024-06-01_conversation.txt"), "[2024-06-01 10:00] Guest 20: Is the jacuzzi heated?\n[2024-06-01 10:05] Host: Yes, from noon.\n");
        var file = Assert.Single(ConversationFileIndexer.Scan(folder.Path));
        var lastWrite = StoreClock.Format(file.LastWriteTimeUtc);

        var indexed = Run(store, work => work.IndexLegacyFile(file, lastWrite, Now));
        var known = store.IndexedLegacyFiles();
        var found = SearchMessages("jacuzzi");
        using (var reader = OpenReader())
        {
            Assert.Equal([30L, 30], reader.Query<long>("SELECT conversation_id FROM messages_metadata WHERE message_id < 0;"));
        }

        Run(store, work => work.ForgetLegacyFiles([file.RelativePath]));

        Assert.Equal(2, indexed);
        Assert.Equal([(file.RelativePath, file.Length, lastWrite)], known);
        Assert.True(Assert.Single(found) < 0);
        Assert.Empty(store.IndexedLegacyFiles());
        Assert.Empty(SearchMessages("jacuzzi"));
    }

    [StoreFact]
    public void Texts_holding_nul_are_stored_and_written_again_unchanged()
    {
        using var store = OpenStore();
        var listing = Listing(1, "Sea\\u0000view");
        List<HostawayReservation> stays = [Reservation(20, 1, "nul\0guest@example.com"), Reservation(21, 1, "NUL\0guest@example.com", arrival: "2024-09-01")];

        var first = Run(store, work => (work.WriteListings([listing], storePhotos: true, Now), work.WriteReservations(stays, Now)));
        var again = Run(store, work => (work.WriteListings([listing], storePhotos: true, Later), work.WriteReservations(stays, Later)));

        Assert.Equal("Sea\0view", listing.Name);
        Assert.Equal((1, 2), (first.Item1.Created, first.Item2.Created));
        Assert.Equal((1, 2), (again.Item1.Unchanged, again.Item2.Unchanged));
        using var reader = OpenReader();
        // SQLite keeps the NUL; PostgreSQL cannot store one and keeps U+FFFD in its place.
        var expected = StoresNul ? "Sea\0view" : "Sea\uFFFDview";
        Assert.Equal(expected, reader.ExecuteScalar<string>("SELECT name FROM listings WHERE listing_id = 1;"));
        Assert.Contains(expected, reader.ExecuteScalar<string>("SELECT CAST(raw_json AS text) FROM listings WHERE listing_id = 1;")!.Replace("\\u0000", "\0", StringComparison.Ordinal).Replace("\\ufffd", "\uFFFD", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(1L, reader.ExecuteScalar<long>("SELECT count(DISTINCT guest_id) FROM reservations;"));
    }

    /// <summary>Whether the store keeps NUL characters in text (SQLite does; PostgreSQL cannot).</summary>
    protected virtual bool StoresNul => true;

    private static void WriteConversation(ISyncStore store) => Run(store, work =>
    {
        work.WriteListings([Listing(5, "Sea view")], storePhotos: false, Now);
        work.WriteReservations([Reservation(20, 5, "guest@example.com")], Now);
        var counts = work.WriteConversations([Conversation(30, 20, 5)], Now);
        Assert.Equal(1, counts.Created);
    });

    private static ConversationFileWriteResult FileResult(string path, int count) =>
        new(path, "/unused/" + path, 100, [.. Enumerable.Range(0, count).Select(i => new ConversationMessagePosition(i, i * 3 + 1, null, i))]);

    private static T Run<T>(ISyncStore store, Func<IStoreWork, T> write)
    {
        using var work = store.Begin();
        var result = write(work);
        work.Commit();
        return result;
    }

    private static void Run(ISyncStore store, Action<IStoreWork> write) => Run(store, work =>
    {
        write(work);
        return 0;
    });
}
