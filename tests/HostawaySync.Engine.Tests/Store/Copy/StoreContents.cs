using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using HostawaySync.Engine.Store.Copy;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HostawaySync.Engine.Tests.Store.Copy;

/// <summary>
/// Every copied table of a database as text, read independently of the copier, in one form for both stores: each value
/// as SQLite keeps it (integers and reals in invariant form, times as store time text, dates yyyy-MM-dd, flags 1 or 0)
/// and JSON with its keys sorted and no whitespace (PostgreSQL's jsonb keeps neither the API's key order nor its
/// spacing). Rows sorted as text, so the stores' collations play no part.
/// </summary>
public static class StoreContents
{
    private const string Null = "<null>";

    public static Dictionary<string, List<string>> ReadSqlite(string path)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        var tables = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in CopyCatalog.Tables.Select(t => t.Name))
        {
            using var command = db.CreateCommand();
            command.CommandText = $"SELECT * FROM {table};";
            using var reader = command.ExecuteReader();
            tables[table] = Rows(reader, (r, i) => r.IsDBNull(i) ? null : r.GetValue(i));
        }

        tables["sqlite_sequence"] = db.Query<string>("SELECT name || '=' || seq FROM sqlite_sequence ORDER BY name;").AsList();
        return tables;
    }

    /// <summary>The same, from a PostgreSQL schema: its types brought to SQLite's forms in the SELECT.</summary>
    public static Dictionary<string, List<string>> ReadPostgres(string connectionString, string schema = "hostaway")
    {
        using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema, Timezone = "UTC" }.ConnectionString);
        db.Open();
        var tables = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in CopyCatalog.Tables.Select(t => t.Name))
        {
            var columns = db.Query<(string Name, string Type)>(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = @Schema AND table_name = @Table ORDER BY ordinal_position;",
                new { Schema = schema, Table = table }).ToList();
            var select = string.Join(", ", columns.Select(c => c.Type switch
            {
                "timestamp with time zone" => $"to_char({c.Name} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
                "date" => $"to_char({c.Name}, 'YYYY-MM-DD')",
                "boolean" => $"CASE WHEN {c.Name} THEN 1 WHEN NOT {c.Name} THEN 0 END",
                "numeric" => $"{c.Name}::float8",
                "jsonb" => $"{c.Name}::text",
                _ => c.Name,
            } + " AS " + c.Name));
            using var command = new NpgsqlCommand($"SELECT {select} FROM {table};", db);
            using var reader = command.ExecuteReader();
            tables[table] = Rows(reader, (r, i) => r.IsDBNull(i) ? null : r.GetValue(i));
        }

        tables["sqlite_sequence"] = db.Query<(string Table, string Column)>(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = @Schema AND is_identity = 'YES' ORDER BY table_name;", new { Schema = schema })
            .Select(c => (c.Table, Last: db.ExecuteScalar<long?>($"SELECT pg_sequence_last_value(pg_get_serial_sequence('{c.Table}', '{c.Column}')::regclass);")))
            .Where(c => c.Last is not null)
            .Select(c => c.Table + "=" + c.Last!.Value.ToString(CultureInfo.InvariantCulture))
            .ToList();
        return tables;
    }

    /// <summary>The contents without the sync_state row that asks for the search index to be built (a copy's, until it is built).</summary>
    public static Dictionary<string, List<string>> WithoutSearchIndexRequest(Dictionary<string, List<string>> contents)
    {
        var copy = new Dictionary<string, List<string>>(contents, StringComparer.Ordinal);
        copy["sync_state"] = contents["sync_state"].Where(row => !row.StartsWith("resource=message_search_backfill\u001f", StringComparison.Ordinal)).ToList();
        return copy;
    }

    /// <summary>Asserts two databases' contents are equal, table by table, naming the first difference.</summary>
    public static void AssertEqual(Dictionary<string, List<string>> expected, Dictionary<string, List<string>> actual, params string[] ignoredTables)
    {
        foreach (var (table, rows) in expected.Where(t => !ignoredTables.Contains(t.Key)))
        {
            var other = actual[table];
            var missing = rows.Except(other, StringComparer.Ordinal).ToList();
            var extra = other.Except(rows, StringComparer.Ordinal).ToList();
            Assert.True(
                rows.Count == other.Count && missing.Count == 0 && extra.Count == 0,
                $"{table}: {rows.Count} rows against {other.Count}, {missing.Count} differ; {Difference(missing, extra)}");
        }
    }

    // The first row of each side with the same first field (the key, in the tables' column order), field by field.
    private static string Difference(List<string> missing, List<string> extra)
    {
        foreach (var row in missing)
        {
            var fields = row.Split('\u001f');
            if (extra.Select(e => e.Split('\u001f')).FirstOrDefault(e => e[0] == fields[0]) is { } match)
            {
                return string.Join("; ", fields.Zip(match).Where(p => p.First != p.Second).Select(p => $"{p.First} became {p.Second}").Take(3)) + $" (row {fields[0]})";
            }
        }

        return $"only in the first: {string.Join(" | ", missing.Take(1))}; only in the second: {string.Join(" | ", extra.Take(1))}";
    }

    private static List<string> Rows<TReader>(TReader reader, Func<TReader, int, object?> value)
        where TReader : System.Data.Common.DbDataReader
    {
        var rows = new List<string>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetName(i) + "=" + Text(reader.GetName(i), value(reader, i));
            }

            rows.Add(string.Join("\u001f", fields));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Text(string column, object? value) => value switch
    {
        null => Null,
        string json when column == "raw_json" => Canonical(JsonNode.Parse(json))?.ToJsonString() ?? "null",
        double real => real.ToString("R", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        byte[] blob => Convert.ToHexString(blob),
        _ => value.ToString() ?? Null,
    };

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
        // Numbers by value: jsonb writes 1.50 as 1.50 but 1e2 as 100.
        JsonValue number when number.TryGetValue<decimal>(out var d) => JsonValue.Create(d / 1.000000000000000000000000000000000m),
        _ => node?.DeepClone(),
    };
}
