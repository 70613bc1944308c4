using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// <see cref="GuestKeyResolver"/>'s guests in PostgreSQL, written once per page rather than one statement per guest.
/// Keys travel as text[] pairs, which carry any text exactly, so no key needs SQLite's one-by-one fallback. A new guest
/// gets a provisional id while the page is resolved; <see cref="Write"/> then draws the real ids from the table's
/// identity sequence in one query and stores the new guests, the merges and the keys. Provisional ids lie above every
/// real id and grow in the order they are handed out, and real ids are drawn in that same order, so "the older guest
/// survives a merge" (the smaller id) means the same before and after.
/// </summary>
internal sealed class PostgresGuestResolver(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTime? now) : GuestKeyResolver
{
    private const long FirstProvisional = long.MaxValue / 2;

    private const string FindKeysSql = """
        SELECT k.key_type, k.key_value, k.guest_id FROM unnest(@Types, @Values) AS q (key_type, key_value)
        JOIN guest_identity_keys k ON k.key_type = q.key_type AND k.key_value = q.key_value;
        """;

    private readonly List<long> _created = [];
    private readonly List<(long Merged, long Survivor, string Reason)> _merges = [];
    private readonly Dictionary<long, long> _mergedInto = [];
    private readonly List<(string Type, string Value, long Owner)> _keys = [];
    private readonly Dictionary<long, long> _real = [];

    /// <summary>
    /// Stores what the resolution decided, in the order it was decided: the new guests (empty rows, refreshed later), the
    /// merges, then the keys with their final owners. Call after <see cref="GuestKeyResolver.Flush"/>; ids seen before it
    /// become real through <see cref="Real"/> and <see cref="Final"/>.
    /// </summary>
    public void Write()
    {
        if (_created.Count > 0)
        {
            var ids = connection.Query<long>(
                "SELECT nextval(pg_get_serial_sequence('guests', 'guest_id')) AS id FROM generate_series(1, @Count) ORDER BY id;",
                new { _created.Count }, transaction).AsList();
            for (var i = 0; i < _created.Count; i++)
            {
                _real[_created[i]] = ids[i];
            }

            connection.Execute(
                "INSERT INTO guests (guest_id, created_at, updated_at) SELECT id, @Now, @Now FROM unnest(@Ids) AS ids (id);",
                new { Ids = ids.ToArray(), Now = now }, transaction);
            _created.Clear();
        }

        foreach (var (merged, survivor, reason) in _merges)
        {
            connection.Execute(StoreStatements.GuestMerge, new { Merged = Real(merged), Survivor = Real(survivor), Now = now, Reason = reason }, transaction);
        }

        _merges.Clear();
        if (_keys.Count > 0)
        {
            connection.Execute(
                "INSERT INTO guest_identity_keys (key_type, key_value, guest_id) SELECT * FROM unnest(@Types, @Values, @Owners) ON CONFLICT (key_type, key_value) DO NOTHING;",
                new { Types = _keys.Select(k => k.Type).ToArray(), Values = _keys.Select(k => PostgresText.Clean(k.Value)).ToArray(), Owners = _keys.Select(k => Real(k.Owner)).ToArray() },
                transaction);
            _keys.Clear();
        }
    }

    /// <summary>The stored id of a guest id the resolver handed out (after <see cref="Write"/>).</summary>
    public long Real(long id) => id >= FirstProvisional ? _real[id] : id;

    /// <summary>The stored id of the guest a handed-out id ended in, merges of this page followed.</summary>
    public long Final(long id)
    {
        while (_mergedInto.TryGetValue(id, out var survivor))
        {
            id = survivor;
        }

        return Real(id);
    }

    protected override IEnumerable<(string Type, string Value, long GuestId)> FindOwners(IReadOnlyList<(string Type, string Value)> keys)
    {
        // Stored without NUL (PostgresText); answered in the caller's own spelling, so its lookups match.
        var asAsked = keys.GroupBy(k => (k.Type, Value: PostgresText.Clean(k.Value)!)).ToDictionary(g => g.Key, g => g.First().Value);
        return connection.Query<(string Type, string Value, long GuestId)>(
                FindKeysSql, new { Types = keys.Select(k => k.Type).ToArray(), Values = keys.Select(k => PostgresText.Clean(k.Value)).ToArray() }, transaction)
            .Select(row => (row.Type, asAsked.TryGetValue((row.Type, row.Value), out var value) ? value : row.Value, row.GuestId))
            .AsList();
    }

    protected override long NewGuest()
    {
        var id = FirstProvisional + _created.Count + _real.Count;
        _created.Add(id);
        return id;
    }

    protected override void MergeRows(long merged, long survivor, string reason)
    {
        _merges.Add((merged, survivor, reason));
        _mergedInto[merged] = survivor;
    }

    protected override void WriteKeys(IReadOnlyList<(string Type, string Value, long Owner)> keys) => _keys.AddRange(keys);
}
