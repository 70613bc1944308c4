using System.Text.Json;
using Dapper;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Store;
using Npgsql;

namespace HostawaySync.Engine.Tests.Postgres.Reading;

/// <summary>
/// Every Get- query returns the same records (values, DateTime kinds, nulls, order) from PostgreSQL as from SQLite, for
/// the same synced account and a representative set of filters.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class StoreReaderParityTests(PostgresServer server, SyncedInBothStores account)
{
    [PostgresFact]
    public async Task Listings_are_the_same_for_every_filter()
    {
        var postgres = await account.PostgresAsync(server);
        var all = StoreReader.Listings(account.Sqlite, new ListingFilter(IncludeDeleted: true)).ToList();
        Assert.Contains(all, l => l.DeletedAt is not null);
        var nonAscii = all.First(l => l.City is not null && l.City.Any(c => c > 127)).City!;
        var name = all[1].Name!;

        foreach (var filter in new ListingFilter[]
        {
            new(), new(IncludeDeleted: true), new(Ids: [all[0].ListingId, all[^1].ListingId, -5]),
            new(Names: ["*villa*", "COZY*"]), new(Names: [name.ToUpperInvariant()]), new(Names: ["*" + name[3..^3] + "*"]), new(Names: ["*caf?s*", "*CAFÉS*"]),
            new(Names: ["*100%*", "*a_b*", "*\\*"]), new(Cities: [nonAscii]), new(Cities: [nonAscii.ToUpperInvariant()]), new(Cities: [nonAscii.ToLowerInvariant()]),
            new(Names: ["*"], Cities: ["l*", "?ÜRICH"], IncludeDeleted: true),
        })
        {
            AssertSame(StoreReader.Listings(account.Sqlite, filter), StoreReader.Listings(postgres, filter), filter);
        }

        // The cases the comparison covers: ASCII letters match either case, other letters only their own case.
        Assert.Contains(StoreReader.Listings(postgres, new ListingFilter(Names: [name.ToUpperInvariant()])), l => l.Name == name);
        Assert.Empty(StoreReader.Listings(postgres, new ListingFilter(Cities: [nonAscii.ToUpperInvariant()])));
        Assert.NotEmpty(StoreReader.Listings(postgres, new ListingFilter(Cities: [nonAscii.ToLowerInvariant()])));
    }

    [PostgresFact]
    public async Task Listing_photos_are_the_same_for_every_filter()
    {
        var postgres = await account.PostgresAsync(server);
        var photos = StoreReader.ListingPhotos(account.Sqlite, new ListingPhotoFilter(IncludeDeleted: true)).ToList();
        Assert.Contains(photos, p => p.ListingDeletedAt is not null);

        foreach (var filter in new ListingPhotoFilter[]
        {
            new(), new(IncludeDeleted: true), new(PhotoIds: [photos[0].PhotoId, photos[^1].PhotoId]), new(ListingIds: [photos[^1].ListingId], IncludeDeleted: true),
            new(ListingNames: ["*with*"]), new(ListingNames: ["*CAFÉS*", "*cafés"]),
        })
        {
            AssertSame(StoreReader.ListingPhotos(account.Sqlite, filter), StoreReader.ListingPhotos(postgres, filter), filter);
        }
    }

    [PostgresFact]
    public async Task Reservations_are_the_same_for_every_filter()
    {
        var postgres = await account.PostgresAsync(server);
        var all = StoreReader.Reservations(account.Sqlite, new ReservationFilter(IncludeDeleted: true)).ToList();
        Assert.Contains(all, r => r.DeletedAt is not null);
        Assert.Contains(all, r => r.Status == "cancelled");
        Assert.Contains(all, r => r.TotalPrice is { } price && price != Math.Round(price));
        var middle = DateOnly.FromDateTime(all[all.Count / 2].ArrivalDate!.Value);
        var guest = all.First(r => r.GuestId is not null).GuestId!.Value;

        foreach (var filter in new ReservationFilter[]
        {
            new(), new(IncludeDeleted: true), new(Ids: [all[0].ReservationId, all[^1].ReservationId]), new(ListingIds: [all[0].ListingId!.Value]),
            new(GuestIds: [guest]), new(Statuses: ["Cancelled"]), new(Statuses: ["NEW", "modified"], IncludeDeleted: true),
            new(ArrivalFrom: middle), new(ArrivalTo: middle), new(ArrivalFrom: middle, ArrivalTo: middle.AddDays(30), Statuses: ["new"]),
        })
        {
            AssertSame(StoreReader.Reservations(account.Sqlite, filter), StoreReader.Reservations(postgres, filter), filter);
        }
    }

    [PostgresFact]
    public async Task Guests_are_the_same_for_every_filter_and_a_merged_guests_id_finds_the_guest_it_was_merged_into()
    {
        var postgres = await account.PostgresAsync(server);
        var guests = StoreReader.Guests(account.Sqlite, new GuestFilter()).ToList();
        using var lite = account.Harness.Open();
        var merged = lite.Query<(long Merged, long Survivor)>("SELECT merged_guest_id, survivor_guest_id FROM guest_merges ORDER BY merge_id;").ToList();
        Assert.NotEmpty(merged);
        var email = guests.First(g => g.Email is not null && g.Email.Contains('@', StringComparison.Ordinal)).Email!;
        var nonAscii = guests.First(g => g.FullName is not null && g.FullName.Any(c => c > 127)).FullName!;

        foreach (var filter in new GuestFilter[]
        {
            new(), new(Ids: [guests[0].GuestId, guests[^1].GuestId]), new(Ids: [merged[0].Merged]), new(Ids: merged.Select(m => m.Merged).Append(guests[1].GuestId).ToList()),
            new(Names: ["*o*"]), new(Names: [nonAscii], Emails: [email.ToUpperInvariant()]), new(Names: [nonAscii.ToUpperInvariant()]), new(Emails: ["*@" + email.Split('@')[1].ToUpperInvariant()]),
        })
        {
            AssertSame(StoreReader.Guests(account.Sqlite, filter), StoreReader.Guests(postgres, filter), filter);
        }

        Assert.Equal(merged[0].Survivor, Assert.Single(StoreReader.Guests(postgres, new GuestFilter(Ids: [merged[0].Merged]))).GuestId);
    }

    [PostgresFact]
    public async Task Conversations_are_the_same_for_every_filter()
    {
        var postgres = await account.PostgresAsync(server);
        var all = StoreReader.Conversations(account.Sqlite, new ConversationFilter(IncludeDeleted: true)).ToList();
        Assert.Contains(all, c => c.DeletedAt is not null);
        var some = all.Where(c => c.ReservationId is not null && c.ListingId is not null && c.GuestId is not null).Take(3).ToList();

        foreach (var filter in new ConversationFilter[]
        {
            new(), new(IncludeDeleted: true), new(Ids: [some[0].ConversationId, some[1].ConversationId]), new(ReservationIds: [some[0].ReservationId!.Value]),
            new(ListingIds: [some[1].ListingId!.Value], IncludeDeleted: true), new(GuestIds: [some[2].GuestId!.Value]),
        })
        {
            AssertSame(StoreReader.Conversations(account.Sqlite, filter), StoreReader.Conversations(postgres, filter), filter);
        }
    }

    [PostgresFact]
    public async Task Messages_and_their_texts_are_the_same_for_every_filter()
    {
        var postgres = await account.PostgresAsync(server);
        var all = StoreReader.Messages(account.Sqlite, new MessageFilter()).ToList();
        var sent = all.Where(m => m.SentAt is not null).Select(m => m.SentAt!.Value).Order().ToList();
        var (from, until) = (sent[sent.Count / 3], sent[2 * sent.Count / 3]);
        var some = all.Where(m => m.ConversationId is not null && m.ReservationId is not null && m.ListingId is not null).Take(3).ToList();

        foreach (var filter in new MessageFilter[]
        {
            new(), new(ConversationIds: [some[0].ConversationId!.Value]), new(ReservationIds: [some[1].ReservationId!.Value]),
            new(ListingIds: [some[2].ListingId!.Value], Direction: "Guest"), new(Direction: "host"), new(Since: from), new(Until: until),
            new(Since: from.AddMilliseconds(500), Until: until.AddTicks(1)), new(Since: DateTime.SpecifyKind(from, DateTimeKind.Unspecified)),
        })
        {
            AssertSame(StoreReader.Messages(account.Sqlite, filter), StoreReader.Messages(postgres, filter), filter);
        }

        var withText = new MessageFilter(ListingIds: [some[2].ListingId!.Value]);
        var texts = StoreReader.Messages(postgres, withText, account.PostgresConversations).ToList();
        Assert.Contains(texts, m => !string.IsNullOrEmpty(m.Text));
        AssertSame(StoreReader.Messages(account.Sqlite, withText, account.SqliteConversations), texts, withText);
    }

    [PostgresFact]
    public async Task The_sync_log_is_the_same_but_for_the_run_ids_for_every_filter()
    {
        var postgres = await account.PostgresAsync(server);
        var all = StoreReader.SyncLog(account.Sqlite, new SyncLogFilter()).ToList();
        Assert.True(all.Count >= 8, $"only {all.Count} sync log rows");
        var runs = all.Select(e => e.RunId).Distinct().ToList();
        using var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(account.PostgresConnectionString) { SearchPath = "hostaway" }.ConnectionString);
        var postgresRuns = pg.Query<string>("SELECT run_id FROM sync_logs GROUP BY run_id ORDER BY min(sync_log_id) DESC;").ToList();

        foreach (var (filter, postgresFilter) in new (SyncLogFilter, SyncLogFilter)[]
        {
            (new(), new()), (new(LastRuns: 1), new(LastRuns: 1)), (new(Resources: ["run", "LISTINGS"]), new(Resources: ["run", "LISTINGS"])),
            (new(Statuses: ["succeeded"]), new(Statuses: ["succeeded"])), (new(Since: all[^1].StartedAt.AddSeconds(1)), new(Since: all[^1].StartedAt.AddSeconds(1))),
            (new(RunId: runs[1]), new(RunId: postgresRuns[1])),
        })
        {
            AssertSame(
                StoreReader.SyncLog(account.Sqlite, filter).Select(Comparable),
                StoreReader.SyncLog(postgres, postgresFilter).Select(Comparable),
                filter);
        }

        var entries = StoreReader.SyncLog(postgres, new SyncLogFilter()).ToList();
        Assert.All(entries, e => Assert.Equal((DateTimeKind.Utc, DateTimeKind.Utc), (e.StartedAt.Kind, e.FinishedAt!.Value.Kind)));
        Assert.All(entries, e => Assert.NotNull(e.Duration));
        Assert.Equal(entries.Select(e => e.RunId).Distinct(), postgresRuns);
        Assert.Equal(all.Select(e => e.CursorAfter is null), entries.Select(e => e.CursorAfter is null));

        // Each run takes its own wall time, and the API's clock (which conversation cursors follow) moved on between the runs.
        static SyncLogEntry Comparable(SyncLogEntry e) => e with { RunId = string.Empty, Id = 0, Duration = null, CursorBefore = null, CursorAfter = null };
    }

    // Records are compared as JSON: every property, doubles exactly, and a DateTime's kind (Z for UTC).
    private static void AssertSame<T>(IEnumerable<T> sqlite, IEnumerable<T> postgres, object filter)
    {
        var expected = sqlite.Select(r => JsonSerializer.Serialize(r)).ToList();
        var actual = postgres.Select(r => JsonSerializer.Serialize(r)).ToList();
        Assert.True(expected.SequenceEqual(actual), $"{filter}: SQLite gave {expected.Count} records, PostgreSQL {actual.Count}; first difference: "
            + expected.Zip(actual).Where(p => p.First != p.Second).Select(p => $"{p.First} <> {p.Second}").FirstOrDefault());
    }
}
