using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// <see cref="GuestKeyResolver"/>'s guests in SQLite. Keys travel as one JSON array; keys that JSON might not carry byte
/// for byte (control or surrogate characters) are looked up and written one by one, bound as parameters.
/// </summary>
internal sealed class GuestResolver : GuestKeyResolver, IDisposable
{
    // Keys travel as one JSON array; keys that JSON might not carry byte for byte are looked up one by one (FindKeySql).
    private const string FindKeysSql = """
        SELECT k.key_type, k.key_value, k.guest_id FROM json_each(@Keys) j
        JOIN guest_identity_keys k ON k.key_type = j.value ->> 0 AND k.key_value = j.value ->> 1;
        """;

    private const string FindKeySql = "SELECT guest_id FROM guest_identity_keys WHERE key_type = $p0 AND key_value = $p1;";

    private const string NewGuestSql = "INSERT INTO guests (created_at, updated_at) VALUES ($p0, $p0) RETURNING guest_id;";

    private const string AddKeySql = "INSERT INTO guest_identity_keys (key_type, key_value, guest_id) VALUES ($p0, $p1, $p2) ON CONFLICT (key_type, key_value) DO NOTHING;";

    private const string AddKeysSql = """
        INSERT INTO guest_identity_keys (key_type, key_value, guest_id) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@Keys) WHERE true
        ON CONFLICT (key_type, key_value) DO NOTHING;
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _now;
    private readonly PreparedStatement _newGuest;
    private readonly PreparedStatement _addKey;
    private readonly PreparedStatement _findKey;

    public GuestResolver(SqliteConnection connection, SqliteTransaction transaction, string now)
    {
        _connection = connection;
        _transaction = transaction;
        _now = now;
        _newGuest = new PreparedStatement(connection, transaction, NewGuestSql, 1);
        _addKey = new PreparedStatement(connection, transaction, AddKeySql, 3);
        _findKey = new PreparedStatement(connection, transaction, FindKeySql, 2);
    }

    public void Dispose()
    {
        _newGuest.Dispose();
        _addKey.Dispose();
        _findKey.Dispose();
    }

    protected override IEnumerable<(string Type, string Value, long GuestId)> FindOwners(IReadOnlyList<(string Type, string Value)> keys)
    {
        var found = new List<(string, string, long)>();
        foreach (var (type, value) in keys.Where(key => !PlainText(key.Value)))
        {
            if (_findKey.Scalar(type, value) is { } owner)
            {
                found.Add((type, value, Convert.ToInt64(owner, CultureInfo.InvariantCulture)));
            }
        }

        var plain = keys.Where(key => PlainText(key.Value)).Select(key => new[] { key.Type, key.Value }).ToList();
        if (plain.Count > 0)
        {
            found.AddRange(_connection.Query<(string, string, long)>(FindKeysSql, new { Keys = JsonSerializer.Serialize(plain) }, _transaction));
        }

        return found;
    }

    protected override long NewGuest() => Convert.ToInt64(_newGuest.Scalar(_now), CultureInfo.InvariantCulture);

    protected override void MergeRows(long merged, long survivor, string reason) =>
        _connection.Execute(StoreStatements.GuestMerge, new { Merged = merged, Survivor = survivor, Now = _now, Reason = reason }, _transaction);

    // Every key is stored exactly as a bound parameter would store it (how keys are looked up).
    protected override void WriteKeys(IReadOnlyList<(string Type, string Value, long Owner)> keys)
    {
        foreach (var (type, value, owner) in keys.Where(key => !PlainText(key.Value)))
        {
            _addKey.Execute(type, value, owner);
        }

        var plain = keys.Where(key => PlainText(key.Value)).Select(key => new object[] { key.Type, key.Value, key.Owner }).ToList();
        if (plain.Count > 0)
        {
            _connection.Execute(AddKeysSql, new { Keys = JsonSerializer.Serialize(plain) }, _transaction);
        }
    }

    // Text JSON carries exactly as a bound parameter would store it: no control characters, no surrogates (paired or not).
    private static bool PlainText(string value) => !value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && !value.AsSpan().ContainsAnyInRange('\0', '\u001F');
}
