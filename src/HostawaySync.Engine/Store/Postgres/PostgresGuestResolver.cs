using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// <see cref="GuestKeyResolver"/>'s guests in PostgreSQL. Keys travel as text[] pairs, which carry any text exactly, so no
/// key needs SQLite's one-by-one fallback.
/// </summary>
internal sealed class PostgresGuestResolver(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTime? now) : GuestKeyResolver
{
    private const string FindKeysSql = """
        SELECT k.key_type, k.key_value, k.guest_id FROM unnest(@Types, @Values) AS q (key_type, key_value)
        JOIN guest_identity_keys k ON k.key_type = q.key_type AND k.key_value = q.key_value;
        """;

    protected override IEnumerable<(string Type, string Value, long GuestId)> FindOwners(IReadOnlyList<(string Type, string Value)> keys) =>
        connection.Query<(string, string, long)>(
            FindKeysSql, new { Types = keys.Select(k => k.Type).ToArray(), Values = keys.Select(k => k.Value).ToArray() }, transaction);

    protected override long NewGuest() =>
        connection.ExecuteScalar<long>("INSERT INTO guests (created_at, updated_at) VALUES (@Now, @Now) RETURNING guest_id;", new { Now = now }, transaction);

    protected override void MergeRows(long merged, long survivor, string reason) =>
        connection.Execute(StoreStatements.GuestMerge, new { Merged = merged, Survivor = survivor, Now = now, Reason = reason }, transaction);

    protected override void WriteKeys(IReadOnlyList<(string Type, string Value, long Owner)> keys) =>
        connection.Execute(
            "INSERT INTO guest_identity_keys (key_type, key_value, guest_id) SELECT * FROM unnest(@Types, @Values, @Owners) ON CONFLICT (key_type, key_value) DO NOTHING;",
            new { Types = keys.Select(k => k.Type).ToArray(), Values = keys.Select(k => k.Value).ToArray(), Owners = keys.Select(k => k.Owner).ToArray() },
            transaction);
}
