using System.Text.Json;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Export;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Tests.Postgres.Reading;

/// <summary>
/// Deleted means deleted everywhere, in both stores: what belongs only to deleted rows (the conversations of a deleted
/// reservation, the messages of a deleted conversation or reservation, a guest all of whose reservations are deleted)
/// is left out of every query unless deleted rows are asked for; a reservation of a deleted listing stays live. The
/// expected sets come from the deletion times the queries return with deleted rows included.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class DeletedRowsTests(PostgresServer server, DeletionsInBothStores account) : IClassFixture<DeletionsInBothStores>
{
    [PostgresFact]
    public async Task Conversations_of_deleted_reservations_count_as_deleted()
    {
        foreach (var (store, _) in await account.StoresAsync(server))
        {
            var deleted = Deletions.Of(store);
            var all = StoreReader.Conversations(store, new ConversationFilter(IncludeDeleted: true)).ToList();
            Assert.Contains(all, c => c.DeletedAt is null && deleted.Reservations.Contains(c.ReservationId ?? 0));

            var live = StoreReader.Conversations(store, new ConversationFilter()).Select(c => c.ConversationId).ToList();

            Assert.Equal(all.Where(c => !deleted.HidesConversation(c)).Select(c => c.ConversationId), live);
            Assert.Contains(all, c => deleted.Listings.Contains(c.ListingId ?? 0) && live.Contains(c.ConversationId));
            Assert.Empty(StoreReader.Conversations(store, new ConversationFilter(ReservationIds: [.. deleted.Reservations])));
        }
    }

    [PostgresFact]
    public async Task Messages_of_deleted_conversations_and_reservations_only_with_IncludeDeleted()
    {
        foreach (var (store, _) in await account.StoresAsync(server))
        {
            var deleted = Deletions.Of(store);
            var all = StoreReader.Messages(store, new MessageFilter(IncludeDeleted: true)).ToList();
            Assert.Contains(all, m => deleted.Conversations.Contains(m.ConversationId ?? 0));
            Assert.Contains(all, m => deleted.Reservations.Contains(m.ReservationId ?? 0) && !deleted.Conversations.Contains(m.ConversationId ?? 0));

            var live = StoreReader.Messages(store, new MessageFilter()).Select(m => m.MessageId).ToList();

            Assert.Equal(all.Where(m => !deleted.HidesMessage(m.ConversationId, m.ReservationId)).Select(m => m.MessageId), live);
            Assert.Contains(all, m => deleted.Listings.Contains(m.ListingId ?? 0) && live.Contains(m.MessageId));
            Assert.Empty(StoreReader.Messages(store, new MessageFilter(ConversationIds: [.. deleted.Conversations])));
        }
    }

    [PostgresFact]
    public async Task Guests_without_a_live_reservation_only_with_IncludeDeleted()
    {
        foreach (var (store, _) in await account.StoresAsync(server))
        {
            var reservations = StoreReader.Reservations(store, new ReservationFilter(IncludeDeleted: true)).ToList();
            var gone = reservations.Where(r => r.GuestId is not null).GroupBy(r => r.GuestId!.Value)
                .Where(g => g.All(r => r.DeletedAt is not null)).Select(g => g.Key).ToHashSet();
            var all = StoreReader.Guests(store, new GuestFilter(IncludeDeleted: true)).ToList();
            Assert.Contains(all, g => gone.Contains(g.GuestId));

            var live = StoreReader.Guests(store, new GuestFilter()).Select(g => g.GuestId).ToList();

            Assert.Equal(all.Where(g => !gone.Contains(g.GuestId)).Select(g => g.GuestId), live);
            Assert.Empty(StoreReader.Guests(store, new GuestFilter(Ids: [.. gone])));
            Assert.All(all.Where(g => gone.Contains(g.GuestId)), g => Assert.Equal(0, g.ReservationCount));
        }
    }

    [PostgresFact]
    public async Task Search_finds_messages_of_deleted_rows_only_with_IncludeDeleted()
    {
        foreach (var (store, conversations) in await account.StoresAsync(server))
        {
            var deleted = Deletions.Of(store);
            var hidden = StoreReader.Messages(store, new MessageFilter(IncludeDeleted: true), conversations)
                .Where(m => deleted.HidesMessage(m.ConversationId, m.ReservationId) && m.Text is not null).ToList();
            var found = 0;
            foreach (var message in hidden.Where(m => Word(m.Text!) is not null).Take(12))
            {
                var query = "\"" + Word(message.Text!) + "\"";
                var withDeleted = StoreReader.SearchMessages(store, new MessageSearchFilter(query, IncludeDeleted: true), conversations).ToList();
                var without = StoreReader.SearchMessages(store, new MessageSearchFilter(query), conversations).ToList();

                Assert.Contains(withDeleted, r => r.MessageId == message.MessageId);
                Assert.DoesNotContain(without, r => deleted.HidesMessage(r.ConversationId, r.ReservationId));
                Assert.Equal(withDeleted.Where(r => !deleted.HidesMessage(r.ConversationId, r.ReservationId)).Select(r => r.MessageId), without.Select(r => r.MessageId));
                found++;
            }

            Assert.True(found > 0, "no message of a deleted row has a word to search for");
        }
    }

    [PostgresFact]
    public async Task The_training_data_export_leaves_out_conversations_of_deleted_reservations()
    {
        using var temp = new TempFolder();
        foreach (var (store, conversations) in await account.StoresAsync(server))
        {
            var deleted = Deletions.Of(store);
            var orphans = StoreReader.Conversations(store, new ConversationFilter(IncludeDeleted: true))
                .Where(c => c.DeletedAt is null && deleted.Reservations.Contains(c.ReservationId ?? 0)).Select(c => c.ConversationId).ToHashSet();

            var withDeleted = Exported(store, conversations, temp, includeDeleted: true);
            var without = Exported(store, conversations, temp, includeDeleted: false);

            Assert.Contains(withDeleted, orphans.Contains);
            Assert.Contains(withDeleted, deleted.Conversations.Contains);
            Assert.NotEmpty(without);
            Assert.DoesNotContain(without, orphans.Contains);
            Assert.DoesNotContain(without, deleted.Conversations.Contains);
            Assert.Equal(withDeleted.Where(id => !orphans.Contains(id) && !deleted.Conversations.Contains(id)), without);
        }
    }

    [PostgresFact]
    public async Task The_files_of_conversations_that_count_as_deleted_carry_a_Deleted_header_line()
    {
        foreach (var (store, conversations) in await account.StoresAsync(server))
        {
            var deleted = Deletions.Of(store);
            var files = StoreReader.Conversations(store, new ConversationFilter(IncludeDeleted: true)).Where(c => c.FilePath is not null).ToList();
            Assert.Contains(files, c => c.DeletedAt is null && deleted.HidesConversation(c));

            foreach (var conversation in files)
            {
                var header = ConversationFileConventions.ParseFile(Path.Combine(conversations, conversation.FilePath!), conversation.FilePath!).Header;
                Assert.True(deleted.HidesConversation(conversation) == header.DeletedAt is not null, $"conversation {conversation.ConversationId}: file header deleted at {header.DeletedAt}");
            }
        }
    }

    /// <summary>A word of the text to search for: letters only, long enough to be rare.</summary>
    private static string? Word(string text) =>
        text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 6 && w.All(char.IsAsciiLetter)).MaxBy(w => w.Length);

    private static List<long> Exported(StoreLocation store, string conversations, TempFolder temp, bool includeDeleted)
    {
        var path = temp.Combine(Guid.NewGuid().ToString("N") + ".jsonl");
        TrainingDataExporter.Export(new TrainingDataOptions
        {
            DatabasePath = store, ConversationsPath = conversations, OutputPath = path, IncludeMetadata = true, IncludeDeleted = includeDeleted, IncludeUnsent = true,
        });
        return File.ReadLines(path).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("metadata").GetProperty("conversationId").GetInt64()).ToList();
    }

    /// <summary>The deleted listings, reservations and conversations of a store, as its queries report them with deleted rows included.</summary>
    private sealed record Deletions(HashSet<long> Listings, HashSet<long> Reservations, HashSet<long> Conversations)
    {
        public static Deletions Of(StoreLocation store)
        {
            var listings = StoreReader.Listings(store, new ListingFilter(IncludeDeleted: true)).Where(l => l.DeletedAt is not null).Select(l => l.ListingId).ToHashSet();
            var reservations = StoreReader.Reservations(store, new ReservationFilter(IncludeDeleted: true)).Where(r => r.DeletedAt is not null).Select(r => r.ReservationId).ToHashSet();
            var conversations = StoreReader.Conversations(store, new ConversationFilter(IncludeDeleted: true)).Where(c => c.DeletedAt is not null).Select(c => c.ConversationId).ToHashSet();
            Assert.NotEmpty(listings);
            Assert.NotEmpty(reservations);
            Assert.NotEmpty(conversations);
            return new Deletions(listings, reservations, conversations);
        }

        public bool HidesConversation(ConversationRecord conversation) =>
            conversation.DeletedAt is not null || Reservations.Contains(conversation.ReservationId ?? 0);

        public bool HidesMessage(long? conversationId, long? reservationId) =>
            Conversations.Contains(conversationId ?? 0) || Reservations.Contains(reservationId ?? 0);
    }
}
