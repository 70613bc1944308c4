using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Export;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Queries.Postgres;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HostawaySync.Engine.Tests.Postgres.Reading;

/// <summary>The PostgreSQL read side's own behaviour: errors, streaming, case rules whatever the locale, and indexes for the filters.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresReadBehaviourTests(PostgresServer server) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [PostgresFact]
    public void A_missing_schema_is_HostawayDatabaseNotFound_for_every_read_as_a_missing_SQLite_file_is()
    {
        using var database = server.CreateDatabase();
        var postgres = StoreLocation.FromUrl(database.ConnectionString);

        Assert.All(Reads(postgres), read => Assert.Equal(ErrorIds.DatabaseNotFound, Assert.Throws<HostawayException>(read).ErrorId));
        Assert.All(Reads(_temp.Combine("missing.db")), read => Assert.Equal(ErrorIds.DatabaseNotFound, Assert.Throws<HostawayException>(read).ErrorId));
        using var connection = database.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM pg_namespace WHERE nspname = 'hostaway';"));
    }

    [PostgresFact]
    public void An_unreachable_server_is_HostawayDatabaseUnreachable_for_every_read()
    {
        var nowhere = StoreLocation.FromUrl($"postgresql://hostaway_test@127.0.0.1:{PostgresServer.FreePort()}/hostaway?connect_timeout=5");

        Assert.All(Reads(nowhere), read => Assert.Equal(ErrorIds.DatabaseUnreachable, Assert.Throws<HostawayException>(read).ErrorId));
    }

    [PostgresFact]
    public void The_first_row_arrives_while_the_server_is_still_sending_the_rest()
    {
        using var database = server.CreateDatabase();
        PostgresDatabaseInitializer.Initialize(database.ConnectionString);
        using var admin = database.Open();
        // About 15 MB per query, far more than the socket buffers between client and server hold.
        admin.Execute("""
            INSERT INTO hostaway.sync_logs (run_id, resource, mode, status, started_at, error_message)
                SELECT 'run-' || i, 'Run', 'Full', 'Succeeded', now(), repeat('x', 250) FROM generate_series(1, 50000) i;
            INSERT INTO hostaway.listings (listing_id, name, raw_json, content_hash, first_seen_at, updated_at)
                SELECT i, 'Listing ' || i || repeat('x', 250), '{"id": 1}', 'hash', now(), now() FROM generate_series(1, 50000) i;
            INSERT INTO hostaway.messages_metadata (message_id, direction, communication_type, file_path, file_position, content_hash, first_seen_at, updated_at)
                SELECT i, 'guest', repeat('x', 250), 'chats/' || (i / 100) || '.txt', i % 100, 'hash', now(), now() FROM generate_series(1, 50000) i;
            """);
        var store = StoreLocation.FromUrl(database.ConnectionString);

        AssertStreams(admin, StoreReader.SyncLog(store, new SyncLogFilter()), "FROM sync_logs");
        AssertStreams(admin, StoreReader.Listings(store, new ListingFilter()), "FROM listings");
        AssertStreams(admin, StoreReader.Messages(store, new MessageFilter()), "FROM messages_metadata");
    }

    [PostgresFact]
    public void Wildcards_fold_ASCII_letters_only_as_in_SQLite_even_where_the_databases_own_lower_folds_every_letter()
    {
        using var admin = new NpgsqlConnection(server.AdminConnectionString);
        var name = "hostawaysync_test_utf8_" + Guid.NewGuid().ToString("N")[..8];
        admin.Execute($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.utf8';");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
            PostgresDatabaseInitializer.Initialize(connectionString);
            using (var connection = new NpgsqlConnection(connectionString))
            {
                // This database's lower() and ILIKE know É: a reader that used them would find 'Émile' for 'émile*'.
                Assert.Equal("émile", connection.ExecuteScalar<string>("SELECT lower('ÉMILE');"));
                connection.Execute(CaseRows);
            }

            var sqlite = _temp.Combine("case.db");
            DatabaseInitializer.Initialize(sqlite);
            using (var connection = new SqliteConnection($"Data Source={sqlite};Pooling=False"))
            {
                connection.Execute(CaseRows.Replace("hostaway.", string.Empty, StringComparison.Ordinal));
            }

            var postgres = StoreLocation.FromUrl(connectionString);
            foreach (var (names, expected) in new (string, long[])[]
            {
                ("émile*", [2]), ("ÉMILE*", [1]), ("Émile*", [1]), ("*zola*", [1, 3]), ("*ZOLA*", [1, 3]), ("*ÉCOLE*", [3]), ("*école*", []), ("?mile*", [1, 2]),
            })
            {
                Assert.Equal(expected, StoreReader.Listings(sqlite, new ListingFilter(Names: [names])).Select(l => l.ListingId));
                Assert.Equal(expected, StoreReader.Listings(postgres, new ListingFilter(Names: [names])).Select(l => l.ListingId));
            }

            Assert.Equal([10L], StoreReader.Guests(postgres, new GuestFilter(Emails: ["*@exÄmple.org"])).Select(g => g.GuestId));
            Assert.Empty(StoreReader.Guests(postgres, new GuestFilter(Emails: ["*@exämple.org"])));
            Assert.Equal([10L], StoreReader.Guests(sqlite, new GuestFilter(Emails: ["*@exÄmple.org"])).Select(g => g.GuestId));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            admin.Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE);");
        }
    }

    [PostgresFact]
    public void Every_filter_of_the_Get_queries_has_an_index()
    {
        using var database = server.CreateDatabase();
        PostgresDatabaseInitializer.Initialize(database.ConnectionString);
        var d = new PostgresReadDialect(PostgresTarget.Parse(database.ConnectionString, PostgresTarget.DefaultSchema));
        using var connection = database.Open();
        connection.Execute("SET search_path = hostaway; SET enable_seqscan = off;");
        const string Ids = "'{1,2}'::bigint[]";

        foreach (var (table, condition, index) in new[]
        {
            ("listings", d.In("listing_id", Ids), "listings_pkey"), ("listings", d.Like("name", "'cozy%'"), "ix_listings_name"),
            ("listings", d.Like("city", "'z%'"), "ix_listings_city"), ("listing_photos", d.In("listing_id", Ids), "ix_listing_photos_listing"),
            ("listing_photos", d.In("photo_id", Ids), "listing_photos_pkey"), ("reservations", d.In("reservation_id", Ids), "reservations_pkey"),
            ("reservations", d.In("listing_id", Ids), "ix_reservations_listing"), ("reservations", d.In("guest_id", Ids), "ix_reservations_guest"),
            ("reservations", d.In(d.Lower("status"), "'{new}'::text[]"), "ix_reservations_status"), ("reservations", "arrival_date >= '2026-01-01'", "ix_reservations_arrival"),
            ("guests", d.In("guest_id", Ids), "guests_pkey"), ("guests", d.Like("full_name", "'zo%'"), "ix_guests_name"), ("guests", d.Like("email", "'zo%'"), "ix_guests_email"),
            ("conversations", d.In("conversation_id", Ids), "conversations_pkey"), ("conversations", d.In("reservation_id", Ids), "ix_conversations_reservation"),
            ("conversations", d.In("listing_id", Ids), "ix_conversations_listing"), ("conversations", d.In("guest_id", Ids), "ix_conversations_guest"),
            ("messages_metadata", d.In("conversation_id", Ids), "ix_messages_conversation"), ("messages_metadata", d.In("reservation_id", Ids), "ix_messages_reservation"),
            ("messages_metadata", d.In("listing_id", Ids), "ix_messages_listing_sent"), ("messages_metadata", "sent_at >= '2026-01-01T00:00:00Z'", "ix_messages_sent"),
            ("sync_logs", "run_id = 'x'", "ix_sync_logs_run"), ("sync_logs", "started_at >= '2026-01-01T00:00:00Z'", "ix_sync_logs_started"),
        })
        {
            var plan = string.Join('\n', connection.Query<string>($"EXPLAIN SELECT * FROM {table} WHERE {condition};"));
            Assert.True(plan.Contains(index, StringComparison.Ordinal), $"{table} WHERE {condition}: no {index} in\n{plan}");
        }
    }

    private const string CaseRows = """
        INSERT INTO hostaway.listings (listing_id, name, raw_json, content_hash, first_seen_at, updated_at) VALUES
            (1, 'Émile Zola Loft', '{"id": 1}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
            (2, 'émile studio', '{"id": 2}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
            (3, 'ZOLA ÉCOLE house', '{"id": 3}', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
        INSERT INTO hostaway.guests (guest_id, full_name, email, created_at, updated_at) VALUES
            (10, 'Ägir', 'agir@exÄmple.org', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
        """;

    private static void AssertStreams<T>(NpgsqlConnection admin, IEnumerable<T> rows, string from)
    {
        using var reader = rows.GetEnumerator();
        Assert.True(reader.MoveNext());
        // Had the reader buffered the rows, the query would be over before the first one came back.
        var states = admin.Query<string>(
            "SELECT state FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%' || @From || '%';", new { From = from });
        Assert.Contains("active", states);
    }

    private Action[] Reads(StoreLocation store) =>
    [
        () => _ = StoreReader.Listings(store, new ListingFilter()).ToList(),
        () => _ = StoreReader.ListingPhotos(store, new ListingPhotoFilter()).ToList(),
        () => _ = StoreReader.Reservations(store, new ReservationFilter()).ToList(),
        () => _ = StoreReader.Guests(store, new GuestFilter()).ToList(),
        () => _ = StoreReader.Conversations(store, new ConversationFilter()).ToList(),
        () => _ = StoreReader.Messages(store, new MessageFilter()).ToList(),
        () => _ = StoreReader.SyncLog(store, new SyncLogFilter()).ToList(),
        () => _ = StoreReader.SearchMessages(store, new MessageSearchFilter("wifi")).ToList(),
        () => _ = StoreReader.SearchIndexState(store),
        () => _ = TrainingDataExporter.Export(new TrainingDataOptions { DatabasePath = store, ConversationsPath = _temp.Combine("c"), OutputPath = _temp.Combine("out.jsonl") }),
    ];
}
