using System.Diagnostics;
using System.Globalization;
using Dapper;
using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Postgres;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Postgres;
using Npgsql;

namespace HostawaySync.Benchmarks;

/// <summary>
/// Store throughput on PostgreSQL, measured as <see cref="StoreBenchmarks"/> measures SQLite's: rows/s of the store's
/// write path (PostgresReservationWriter with its guest resolution and refresh, the ids seen and the checkpoint, page by
/// page as a full reservations pass stores them) ÷ rows/s of the best plain batched INSERT of the same rows that Npgsql
/// allows, in transactions of the same size (the PostgreSQL store commits each 100-row page). Two raw variants are
/// timed, a multi-row INSERT ... SELECT FROM unnest(arrays) and an NpgsqlBatch of 100 prepared single-row INSERTs, and
/// the faster one of each repeat is the baseline. Same rows, same schema and indexes, a fresh database each time.
/// </summary>
public static class PostgresStoreBenchmarks
{
    private const int PageSize = 100;

    private static readonly RawColumn[] Columns =
    [
        new("reservation_id", NpgsqlTypes.NpgsqlDbType.Bigint, r => (long?)r.Id),
        new("listing_id", NpgsqlTypes.NpgsqlDbType.Bigint, r => r.ListingId),
        new("guest_id", NpgsqlTypes.NpgsqlDbType.Bigint, _ => (long?)null),
        new("channel_id", NpgsqlTypes.NpgsqlDbType.Bigint, r => (long?)r.ChannelId),
        new("channel_name", NpgsqlTypes.NpgsqlDbType.Text, r => r.ChannelName),
        new("source", NpgsqlTypes.NpgsqlDbType.Text, r => r.Source),
        new("channel_reservation_id", NpgsqlTypes.NpgsqlDbType.Text, r => r.ChannelReservationId),
        new("confirmation_code", NpgsqlTypes.NpgsqlDbType.Text, r => r.ConfirmationCode),
        new("status", NpgsqlTypes.NpgsqlDbType.Text, r => r.Status),
        new("arrival_date", NpgsqlTypes.NpgsqlDbType.Date, r => r.ArrivalDate),
        new("departure_date", NpgsqlTypes.NpgsqlDbType.Date, r => r.DepartureDate),
        new("nights", NpgsqlTypes.NpgsqlDbType.Integer, r => r.Nights),
        new("number_of_guests", NpgsqlTypes.NpgsqlDbType.Integer, r => r.NumberOfGuests),
        new("adults", NpgsqlTypes.NpgsqlDbType.Integer, r => r.Adults),
        new("children", NpgsqlTypes.NpgsqlDbType.Integer, r => r.Children),
        new("infants", NpgsqlTypes.NpgsqlDbType.Integer, r => r.Infants),
        new("pets", NpgsqlTypes.NpgsqlDbType.Integer, r => r.Pets),
        new("total_price", NpgsqlTypes.NpgsqlDbType.Numeric, r => r.TotalPrice),
        new("currency", NpgsqlTypes.NpgsqlDbType.Text, r => r.Currency),
        new("is_paid", NpgsqlTypes.NpgsqlDbType.Boolean, r => r.IsPaid),
        new("guest_name", NpgsqlTypes.NpgsqlDbType.Text, r => r.GuestName),
        new("guest_first_name", NpgsqlTypes.NpgsqlDbType.Text, r => r.GuestFirstName),
        new("guest_last_name", NpgsqlTypes.NpgsqlDbType.Text, r => r.GuestLastName),
        new("guest_email", NpgsqlTypes.NpgsqlDbType.Text, r => r.GuestEmail),
        new("guest_phone", NpgsqlTypes.NpgsqlDbType.Text, r => r.Phone),
        new("guest_external_account_id", NpgsqlTypes.NpgsqlDbType.Text, r => r.GuestExternalAccountId),
        new("reservation_date", NpgsqlTypes.NpgsqlDbType.TimestampTz, r => PostgresClock.Utc(r.ReservationDate)),
        new("cancellation_date", NpgsqlTypes.NpgsqlDbType.TimestampTz, r => PostgresClock.Utc(r.CancellationDate)),
        new("cancelled_by", NpgsqlTypes.NpgsqlDbType.Text, r => r.CancelledBy),
        new("inserted_on", NpgsqlTypes.NpgsqlDbType.TimestampTz, r => PostgresClock.Utc(r.InsertedOn)),
        new("updated_on", NpgsqlTypes.NpgsqlDbType.TimestampTz, r => PostgresClock.Utc(r.UpdatedOn)),
        new("latest_activity_on", NpgsqlTypes.NpgsqlDbType.TimestampTz, r => PostgresClock.Utc(r.LatestActivityOn)),
        new("raw_json", NpgsqlTypes.NpgsqlDbType.Jsonb, r => r.RawJson),
        new("content_hash", NpgsqlTypes.NpgsqlDbType.Text, r => ContentHash.Of(r.RawJson)),
        new("first_seen_at", NpgsqlTypes.NpgsqlDbType.TimestampTz, null),
        new("updated_at", NpgsqlTypes.NpgsqlDbType.TimestampTz, null),
    ];

    public static async Task<BenchmarkResult> ThroughputAsync(int rows = 20_000, int repeats = 3)
    {
        var reservations = await StoreBenchmarks.FetchAsync(rows);
        using var server = PostgresBench.StartServer();
        var serverText = PostgresBench.Describe(server);
        Console.WriteLine($"   {serverText}");
        var timed = new Func<IReadOnlyList<HostawayReservation>, Run>[]
        {
            r => TimeStorePath(server, r), r => TimeRaw(server, r, RawKind.Unnest), r => TimeRaw(server, r, RawKind.Batch),
        };

        // Every path once on a slice first (50 pages: past the runtime's 30 calls before it optimizes a method, and the
        // server's plan caches warm), so none pays for JIT compilation in a timed run.
        var slice = reservations.Take(5_000).ToList();
        double roundTripsPerPage;
        using (var counter = new RoundTripCounter())
        {
            timed[0](slice);
            roundTripsPerPage = counter.Count / (double)((slice.Count + PageSize - 1) / PageSize);
        }

        foreach (var path in timed.Skip(1))
        {
            path(slice);
        }

        var runs = new List<Run[]>();
        for (var i = 0; i < repeats; i++)
        {
            // Rotate which goes first, so none always meets the warmer (or the more crowded) machine.
            var order = Enumerable.Range(0, timed.Length).Select(k => (k + i) % timed.Length).ToList();
            var repeat = new Run[timed.Length];
            foreach (var k in order)
            {
                repeat[k] = timed[k](reservations);
            }

            runs.Add(repeat);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   repeat {i + 1}: store {repeat[0].RowsPerSecond:0} rows/s, unnest {repeat[1].RowsPerSecond:0} rows/s, batch {repeat[2].RowsPerSecond:0} rows/s"));
        }

        // Each repeat's runs are back to back, so their ratio is what the machine's load disturbs least.
        var ratios = runs.Select(r => r[0].RowsPerSecond / Math.Max(r[1].RowsPerSecond, r[2].RowsPerSecond)).ToList();
        var ratio = StoreBenchmarks.Median(ratios);
        var cpuRatios = runs.Where(r => r.All(run => run.CpuSeconds is not null))
            .Select(r => Math.Min(r[1].CpuSeconds!.Value, r[2].CpuSeconds!.Value) / r[0].CpuSeconds!.Value).ToList();
        static string List(IEnumerable<double> values, string format) => string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));
        var figures = new List<Figure>
        {
            Figure.Of("server", serverText),
            Figure.Of("rows", reservations.Count),
            Figure.Of("guests they make", runs[0][0].Guests),
            Figure.Of("store write path, rows/s (each repeat)", List(runs.Select(r => r[0].RowsPerSecond), "0")),
            Figure.Of("raw INSERT ... SELECT FROM unnest, rows/s (each repeat)", List(runs.Select(r => r[1].RowsPerSecond), "0")),
            Figure.Of("raw NpgsqlBatch of prepared INSERTs, rows/s (each repeat)", List(runs.Select(r => r[2].RowsPerSecond), "0")),
            Figure.Of("store ÷ faster raw (each repeat)", List(ratios, "0.000")),
        };
        if (cpuRatios.Count > 0)
        {
            figures.Add(Figure.Of("CPU-seconds, client thread + whole server: store, unnest, batch (first repeat)", List(runs[0].Select(r => r.CpuSeconds!.Value), "0.00")));
            figures.Add(Figure.Of("store ÷ faster raw in rows per CPU-second (median)", StoreBenchmarks.Median(cpuRatios), "0.000"));
        }

        figures.Add(Figure.Of("round trips per 100-row page (commands and batches, commit included), store and raw", string.Create(CultureInfo.InvariantCulture, $"{roundTripsPerPage:0.0}, 2")));
        figures.Add(Figure.Of("store ÷ faster raw (median of the repeats)", ratio, "0.000"));
        return new BenchmarkResult("pg-store-throughput", figures, "store ÷ raw ≥ 0.33 (as for SQLite)", ratio >= 0.33)
        {
            Title = "P2. PostgreSQL store throughput",
            Headline = string.Create(CultureInfo.InvariantCulture,
                $"store ÷ raw = {ratio:0.000} (rows/s, median of {repeats}{(cpuRatios.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {StoreBenchmarks.Median(cpuRatios):0.000} per CPU-second") : string.Empty)})"),
            Method = string.Create(CultureInfo.InvariantCulture,
                $"{reservations.Count:N0} reservations as the engine's own client and DTOs parse them from the simulator (the rows of item 4). Store path: ReservationSyncer.StorePage (PostgresReservationWriter: content hash, change detection, guest resolution and refresh; the ids seen; the checkpoint) for each 100-row page through the PostgreSQL store's pages (PostgresPageTransaction: one transaction per page). Raw, the same 36 columns (raw_json as jsonb; values converted and hashed beforehand, guest_id NULL), one transaction per 100-row page as well, in two variants: one INSERT ... SELECT * FROM unnest($1, ..., $36) of typed arrays per page, and an NpgsqlBatch of 100 prepared single-row INSERTs per page (one round trip); the faster of the two in each repeat is the baseline. All on a fresh database with the real schema and indexes (migration 0001), the engine's connection settings (search_path, UTC), in this process; after a warm-up of each, {repeats} repeats rotate which runs first. CPU-seconds add the measuring thread's (getrusage) and the whole server's (/proc: the postmaster, its reaped and its live children), a view less disturbed by other people's work on the machine."),
        };
    }

    private static Run TimeStorePath(PostgresServer server, IReadOnlyList<HostawayReservation> reservations)
    {
        using var database = server.CreateDatabase();
        using var store = PostgresSyncStore.Open(PostgresBench.Target(database), moduleVersion: null, initialize: true);
        using var probe = PostgresBench.OpenSchema(database.ConnectionString);
        var postmaster = PostgresBench.Postmaster(probe);
        var now = StoreClock.Format(DateTime.UtcNow);
        var (cpu, serverCpu) = (ThreadCpu.Now(), PostgresBench.ServerCpu(postmaster));
        var clock = Stopwatch.StartNew();
        using (var pages = store.BeginPages(TimeProvider.System))
        {
            foreach (var page in reservations.Chunk(PageSize))
            {
                var checkpoint = "{\"pass\":\"full\",\"afterId\":" + page[^1].Id.ToString(CultureInfo.InvariantCulture) + "}";
                pages.Write(page.Length, work => ReservationSyncer.StorePage(work, page, markSeenWith: [], checkpoint, now));
            }
        }

        var run = Finish(reservations.Count, clock, cpu, serverCpu, postmaster);
        Verify(probe, reservations.Count, withGuests: true);
        return run with { Guests = probe.ExecuteScalar<long>("SELECT count(*) FROM guests WHERE merged_into_guest_id IS NULL;") };
    }

    private static Run TimeRaw(PostgresServer server, IReadOnlyList<HostawayReservation> reservations, RawKind kind)
    {
        using var database = server.CreateDatabase();
        var target = PostgresBench.Target(database);
        PostgresDatabaseInitializer.Initialize(target);
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { SearchPath = target.Schema, Timezone = "UTC" }.ConnectionString);
        connection.Open();
        var now = PostgresClock.Utc(StoreClock.Format(DateTime.UtcNow));
        // The listings the rows point at exist first (the foreign key is checked, as in the store); not timed.
        connection.Execute(
            "INSERT INTO listings (listing_id, raw_json, content_hash, first_seen_at, updated_at) SELECT id, '{}', '', @Now, @Now FROM unnest(@Ids) AS ids (id) ON CONFLICT DO NOTHING;",
            new { Ids = reservations.Where(r => r.ListingId is not null).Select(r => r.ListingId!.Value).Distinct().ToArray(), Now = now });
        var pages = reservations.Chunk(PageSize).ToList();
        var postmaster = PostgresBench.Postmaster(connection);
        Run run;
        if (kind == RawKind.Unnest)
        {
            // Values converted beforehand: one typed array per column and page.
            var arrays = pages.Select(page => Columns.Select(c => c.Array(page, now)).ToArray()).ToList();
            using var insert = new NpgsqlCommand(
                $"INSERT INTO reservations ({string.Join(", ", Columns.Select(c => c.Name))}) SELECT * FROM unnest({string.Join(", ", Columns.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)))});",
                connection);
            foreach (var column in Columns)
            {
                insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | column.Type });
            }

            for (var i = 0; i < Columns.Length; i++)
            {
                insert.Parameters[i].Value = arrays[0][i];
            }

            insert.Prepare();
            var (cpu, serverCpu) = (ThreadCpu.Now(), PostgresBench.ServerCpu(postmaster));
            var clock = Stopwatch.StartNew();
            foreach (var page in arrays)
            {
                using var transaction = connection.BeginTransaction();
                for (var i = 0; i < page.Length; i++)
                {
                    insert.Parameters[i].Value = page[i];
                }

                insert.ExecuteNonQuery();
                transaction.Commit();
            }

            run = Finish(reservations.Count, clock, cpu, serverCpu, postmaster);
        }
        else
        {
            var values = pages.Select(page => page.Select(r => Columns.Select(c => c.Value(r, now)).ToArray()).ToArray()).ToList();
            using var batch = new NpgsqlBatch(connection);
            var sql = $"INSERT INTO reservations ({string.Join(", ", Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", Columns.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)))});";
            for (var row = 0; row < PageSize; row++)
            {
                var command = new NpgsqlBatchCommand(sql);
                foreach (var column in Columns)
                {
                    command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = column.Type, Value = DBNull.Value });
                }

                batch.BatchCommands.Add(command);
            }

            batch.Prepare();
            var (cpu, serverCpu) = (ThreadCpu.Now(), PostgresBench.ServerCpu(postmaster));
            var clock = Stopwatch.StartNew();
            foreach (var page in values)
            {
                using var transaction = connection.BeginTransaction();
                // A short last page would need a batch of its own; the benchmark's row counts are whole pages.
                for (var row = 0; row < page.Length; row++)
                {
                    var parameters = batch.BatchCommands[row].Parameters;
                    for (var i = 0; i < Columns.Length; i++)
                    {
                        parameters[i].Value = page[row][i];
                    }
                }

                batch.ExecuteNonQuery();
                transaction.Commit();
            }

            run = Finish(reservations.Count, clock, cpu, serverCpu, postmaster);
        }

        Verify(connection, reservations.Count, withGuests: false);
        return run;
    }

    private static Run Finish(int rows, Stopwatch clock, TimeSpan cpu, TimeSpan? serverCpu, int? postmaster)
    {
        var elapsed = clock.Elapsed.TotalSeconds;
        var client = (ThreadCpu.Now() - cpu).TotalSeconds;
        var serverAfter = PostgresBench.ServerCpu(postmaster);
        double? total = serverCpu is { } before && serverAfter is { } after ? client + (after - before).TotalSeconds : null;
        return new Run(rows / elapsed, total, 0);
    }

    private static void Verify(NpgsqlConnection connection, int expected, bool withGuests)
    {
        var stored = connection.ExecuteScalar<long>("SELECT count(*) FROM reservations;");
        var withoutGuest = connection.ExecuteScalar<long>("SELECT count(*) FROM reservations WHERE guest_id IS NULL;");
        if (stored != expected || (withGuests && withoutGuest != 0))
        {
            throw new InvalidOperationException($"The PostgreSQL store benchmark wrote {stored} rows ({withoutGuest} without a guest) instead of {expected}.");
        }
    }

    private enum RawKind
    {
        Unnest,
        Batch,
    }

    private sealed record Run(double RowsPerSecond, double? CpuSeconds, long Guests);

    /// <summary>One column of the raw insert: its name, its PostgreSQL type, and the row's value (null: the run's time).</summary>
    private sealed record RawColumn(string Name, NpgsqlTypes.NpgsqlDbType Type, Func<HostawayReservation, object?>? Of)
    {
        public object Value(HostawayReservation reservation, DateTime? now) => (Of is null ? now : Of(reservation)) ?? DBNull.Value;

        /// <summary>The page's values as a typed array (what unnest takes), nulls included.</summary>
        public Array Array(IReadOnlyList<HostawayReservation> page, DateTime? now)
        {
            var values = page.Select(r => Of is null ? now : Of(r)).ToList();
            return Type switch
            {
                NpgsqlTypes.NpgsqlDbType.Bigint => values.Select(v => (long?)v).ToArray(),
                NpgsqlTypes.NpgsqlDbType.Integer => values.Select(v => (int?)v).ToArray(),
                NpgsqlTypes.NpgsqlDbType.Numeric => values.Select(v => (decimal?)v).ToArray(),
                NpgsqlTypes.NpgsqlDbType.Boolean => values.Select(v => (bool?)v).ToArray(),
                NpgsqlTypes.NpgsqlDbType.Date => values.Select(v => (DateOnly?)v).ToArray(),
                NpgsqlTypes.NpgsqlDbType.TimestampTz => values.Select(v => (DateTime?)v).ToArray(),
                _ => values.Select(v => (string?)v).ToArray(),
            };
        }
    }
}
