using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Export;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;

namespace HostawaySync.Engine.Tests.Postgres.Reading;

/// <summary>Export-HostawayTrainingData, the store summary (-WhatIf, -IfDue) and Test-HostawaySync give the same from either store.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class ExportParityTests(PostgresServer server, SyncedInBothStores account) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [PostgresFact]
    public async Task Training_data_exports_are_byte_identical()
    {
        var postgres = await account.PostgresAsync(server);
        var listing = StoreReader.Listings(account.Sqlite, new ListingFilter()).Skip(2).First().ListingId;
        var variants = new (string Name, Func<TrainingDataOptions, TrainingDataOptions> Change)[]
        {
            ("plain", o => o),
            ("metadata", o => With(o, metadata: true)),
            ("everything", o => With(o, metadata: true, includeDeleted: true, includeUnsent: true, redact: TrainingDataRedaction.All, prompt: "You are the host.")),
            ("listing", o => With(o, listingIds: [listing], since: new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc))),
        };

        foreach (var (name, change) in variants)
        {
            var fromSqlite = Export(change(Options(account.Sqlite, account.SqliteConversations, name + "-sqlite.jsonl")));
            var fromPostgres = Export(change(Options(postgres, account.PostgresConversations, name + "-postgres.jsonl")));

            Assert.True(fromSqlite.Result.Conversations > 0 || name == "listing", $"{name}: nothing exported");
            Assert.Equal(fromSqlite.Bytes, fromPostgres.Bytes);
            Assert.Equal(
                (fromSqlite.Result.Conversations, fromSqlite.Result.Messages, fromSqlite.Result.Turns, fromSqlite.Result.SkippedConversations, fromSqlite.Result.RedactedNames, fromSqlite.Result.RedactedAccessCodes),
                (fromPostgres.Result.Conversations, fromPostgres.Result.Messages, fromPostgres.Result.Turns, fromPostgres.Result.SkippedConversations, fromPostgres.Result.RedactedNames, fromPostgres.Result.RedactedAccessCodes));
        }
    }

    [PostgresFact]
    public async Task Access_code_redaction_reads_each_reservations_door_code_from_its_raw_json_in_either_store()
    {
        var postgres = await account.PostgresAsync(server);
        var truth = account.Harness.Simulator.GetGroundTruth().Reservations.ToDictionary(r => (long)r["id"]!, r => (string?)r["doorCode"]);

        var fromSqlite = DoorCodes(account.Sqlite, account.SqliteConversations);
        var fromPostgres = DoorCodes(postgres, account.PostgresConversations);

        Assert.Equal(fromSqlite, fromPostgres);
        var known = fromPostgres.Where(c => c.Value.Reservation is { } id && truth.ContainsKey(id)).ToList();
        Assert.True(known.Count(c => c.Value.DoorCode is not null) > 20, "too few conversations with a door code");
        Assert.All(known, c => Assert.Equal(truth[c.Value.Reservation!.Value] is { Length: > 0 } code ? code : null, c.Value.DoorCode));
    }

    [PostgresFact]
    public async Task The_store_summary_agrees_and_is_null_where_there_is_no_usable_store()
    {
        var postgres = await account.PostgresAsync(server);

        var summary = StoreSummary.TryRead(postgres);

        Assert.NotNull(summary);
        // What the summary tells (its sync_state rows are the stores' own: other tests of this account may have moved them).
        var sqlite = StoreSummary.TryRead(account.Sqlite)!;
        Assert.Equal(
            (sqlite.Listings, sqlite.Reservations, sqlite.Conversations, sqlite.Messages, sqlite.Reviews, sqlite.LastSuccessAt, sqlite.EverSynced),
            (summary.Listings, summary.Reservations, summary.Conversations, summary.Messages, summary.Reviews, summary.LastSuccessAt, summary.EverSynced));
        Assert.True(summary.Listings > 0 && summary.Messages > 0 && summary.Reviews > 0 && summary.EverSynced);
        Assert.Equal(DateTimeKind.Utc, summary.LastSuccessAt!.Value.Kind);
        using var empty = server.CreateDatabase();
        Assert.Null(StoreSummary.TryRead(StoreLocation.FromUrl(empty.ConnectionString)));
        Assert.Null(StoreSummary.TryRead(StoreLocation.FromUrl($"postgresql://nobody@127.0.0.1:{PostgresServer.FreePort()}/nothing?connect_timeout=5")));
    }

    [PostgresFact]
    public async Task Test_HostawaySync_compares_the_same_counts()
    {
        var postgres = await account.PostgresAsync(server);
        var client = account.Harness.Options().Client;

        var fromSqlite = await SyncVerifier.CompareAsync(client, account.Sqlite, SyncResources.All, NullSyncLog.Instance);
        var fromPostgres = await SyncVerifier.CompareAsync(client, postgres, SyncResources.All, NullSyncLog.Instance);

        Assert.Equal(4, fromPostgres.Count);
        Assert.Equal(fromSqlite, fromPostgres);
        Assert.All(fromPostgres, d => Assert.Equal(d.ApiCount, d.StoredCount));
    }

    // What the export reads for access-code redaction: each conversation's reservation and that reservation's door code.
    private Dictionary<long, (long? Reservation, string? DoorCode)> DoorCodes(StoreLocation store, string conversations)
    {
        var options = With(Options(store, conversations, "unused.jsonl"), includeDeleted: true, includeUnsent: true, redact: TrainingDataRedaction.AccessCode);
        var dialect = ReadDialect.For(store);
        using var connection = dialect.Open();
        using var transaction = dialect.BeginSnapshot(connection);
        var source = new TrainingDataSource(dialect, connection, transaction, new ConversationPaths(conversations), options, wantsInfo: true);
        return source.Conversations().Where(c => c.Info.ConversationId is not null)
            .ToDictionary(c => c.Info.ConversationId!.Value, c => (c.Info.ReservationId, string.IsNullOrEmpty(c.Info.DoorCode) ? null : c.Info.DoorCode));
    }

    private static TrainingDataOptions With(
        TrainingDataOptions o, bool metadata = false, bool includeDeleted = false, bool includeUnsent = false,
        TrainingDataRedaction redact = TrainingDataRedaction.None, string? prompt = null, IReadOnlyList<long>? listingIds = null, DateTime? since = null) => new()
    {
        DatabasePath = o.DatabasePath, ConversationsPath = o.ConversationsPath, OutputPath = o.OutputPath, IncludeMetadata = metadata, IncludeDeleted = includeDeleted,
        IncludeUnsent = includeUnsent, Redact = redact, SystemPrompt = prompt, ListingIds = listingIds, Since = since,
    };

    private TrainingDataOptions Options(StoreLocation store, string conversations, string name) => new()
    {
        DatabasePath = store, ConversationsPath = conversations, OutputPath = _temp.Combine(name),
    };

    private static (TrainingDataResult Result, byte[] Bytes) Export(TrainingDataOptions options)
    {
        var result = TrainingDataExporter.Export(options);
        return (result, File.ReadAllBytes(options.OutputPath));
    }
}
