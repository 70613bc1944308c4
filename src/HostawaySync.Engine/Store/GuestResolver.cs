using System.Globalization;
using System.Text.Json;
using Dapper;
using HostawaySync.Engine.Api.Models;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// Finds or creates the guest of a reservation. Two reservations belong to the same guest when their
/// normalized email (trimmed, case-insensitive) or their non-empty channel guest account id match,
/// transitively. Every reservation also keys its own guest, so a guest is found again on every sync. A
/// guest's id never changes because reservations arrive; when a reservation proves two known guests are one,
/// the older id survives, the merge is recorded, and every row that pointed at the other follows it.
/// One resolver serves one transaction (a page of reservations): it looks the page's keys up in one query
/// and remembers what it learns and writes, so a reservation costs no lookup of its own.
/// </summary>
internal sealed class GuestResolver : IDisposable
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

    // Every key looked up in this transaction, with its owner (null: no guest has it yet).
    private readonly Dictionary<(string Type, string Value), long?> _owners = [];

    // New keys, written together by Flush with the owners they have by then (merges included).
    private readonly List<(string Type, string Value)> _pending = [];

    public GuestResolver(SqliteConnection connection, SqliteTransaction transaction, string now)
    {
        _connection = connection;
        _transaction = transaction;
        _now = now;
        _newGuest = new PreparedStatement(connection, transaction, NewGuestSql, 1);
        _addKey = new PreparedStatement(connection, transaction, AddKeySql, 3);
        _findKey = new PreparedStatement(connection, transaction, FindKeySql, 2);
    }

    public static string? NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.ToLowerInvariant();
    }

    /// <summary>Looks up, in one query, the owners of every key of these reservations that was not looked up yet.</summary>
    public void LookUp(IEnumerable<HostawayReservation> reservations)
    {
        var keys = reservations.SelectMany(KeysOf).Distinct().Where(key => !_owners.ContainsKey(key)).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        foreach (var key in keys)
        {
            _owners[key] = null;
        }

        foreach (var (type, value) in keys.Where(key => !PlainText(key.Value)))
        {
            _owners[(type, value)] = _findKey.Scalar(type, value) is { } owner ? Convert.ToInt64(owner, CultureInfo.InvariantCulture) : null;
        }

        var plain = keys.Where(key => PlainText(key.Value)).Select(key => new[] { key.Type, key.Value }).ToList();
        if (plain.Count > 0)
        {
            foreach (var (type, value, guestId) in _connection.Query<(string, string, long)>(FindKeysSql, new { Keys = JsonSerializer.Serialize(plain) }, _transaction))
            {
                _owners[(type, value)] = guestId;
            }
        }
    }

    /// <summary>Returns the guest id for the reservation; creates keys, guests and merges as needed.</summary>
    public long Resolve(HostawayReservation reservation)
    {
        var keys = KeysOf(reservation);
        LookUp([reservation]);
        var owners = new SortedSet<long>(keys.Select(key => _owners[key]).OfType<long>());

        long guestId;
        if (owners.Count == 0)
        {
            guestId = Convert.ToInt64(_newGuest.Scalar(_now), CultureInfo.InvariantCulture);
        }
        else
        {
            guestId = owners.Min;
            foreach (var merged in owners.Where(id => id != guestId))
            {
                Merge(merged, guestId, reservation.Id);
            }
        }

        foreach (var key in keys)
        {
            if (_owners[key] is null)
            {
                _pending.Add(key);
            }

            _owners[key] = guestId;
        }

        return guestId;
    }

    /// <summary>
    /// Writes the new keys in one statement. Values with control or surrogate characters are bound one by one instead,
    /// so that every key is stored exactly as a bound parameter would store it (how keys are looked up).
    /// </summary>
    public void Flush()
    {
        var keys = _pending.Select(key => (key.Type, key.Value, Owner: _owners[key]!.Value)).ToList();
        _pending.Clear();
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

    public void Dispose()
    {
        _newGuest.Dispose();
        _addKey.Dispose();
        _findKey.Dispose();
    }

    // Text JSON carries exactly as a bound parameter would store it: no control characters, no surrogates (paired or not).
    private static bool PlainText(string value) => !value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && !value.AsSpan().ContainsAnyInRange('\0', '\u001F');

    internal static List<(string Type, string Value)> KeysOf(HostawayReservation reservation)
    {
        var keys = new List<(string, string)> { ("reservation", reservation.Id.ToString(CultureInfo.InvariantCulture)) };
        if (NormalizeEmail(reservation.GuestEmail) is { } email)
        {
            keys.Add(("email", email));
        }

        if (reservation.GuestExternalAccountId is { } external)
        {
            keys.Add(("external", external));
        }

        return keys;
    }

    // Guests once merged into the merged one follow it to the survivor; they are found through the merges recorded
    // (every merged_into_guest_id was set by one), which is small, rather than by scanning every guest.
    private void Merge(long merged, long survivor, long reservationId)
    {
        var parameters = new { Merged = merged, Survivor = survivor, Now = _now, Reason = $"reservation {reservationId} shares an email or guest account id with both" };
        _connection.Execute(StoreStatements.GuestMerge, parameters, _transaction);
        foreach (var key in _owners.Where(pair => pair.Value == merged).Select(pair => pair.Key).ToList())
        {
            _owners[key] = survivor;
        }
    }
}
