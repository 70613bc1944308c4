using Dapper;
using HostawaySync.Engine.Api.Models;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// <see cref="GuestResolver"/>'s rules in PostgreSQL: the same keys (<see cref="GuestResolver.KeysOf"/>: the reservation,
/// its normalized email, its channel guest account id), the older guest surviving a merge, the merge recorded in
/// guest_merges and every row of the merged guest following the survivor. Keys travel as text[] pairs, which carry any
/// text exactly, so no key needs SQLite's one-by-one fallback.
/// </summary>
internal sealed class PostgresGuestResolver(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTime? now)
{
    private const string FindKeysSql = """
        SELECT k.key_type, k.key_value, k.guest_id FROM unnest(@Types, @Values) AS q (key_type, key_value)
        JOIN guest_identity_keys k ON k.key_type = q.key_type AND k.key_value = q.key_value;
        """;

    // Every key looked up in this transaction, with its owner (null: no guest has it yet).
    private readonly Dictionary<(string Type, string Value), long?> _owners = [];

    // New keys, written together by Flush with the owners they have by then (merges included).
    private readonly List<(string Type, string Value)> _pending = [];

    /// <summary>Looks up, in one query, the owners of every key of these reservations that was not looked up yet.</summary>
    public void LookUp(IEnumerable<HostawayReservation> reservations)
    {
        var keys = reservations.SelectMany(GuestResolver.KeysOf).Distinct().Where(key => !_owners.ContainsKey(key)).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        foreach (var key in keys)
        {
            _owners[key] = null;
        }

        var parameters = new { Types = keys.Select(k => k.Type).ToArray(), Values = keys.Select(k => k.Value).ToArray() };
        foreach (var (type, value, guestId) in connection.Query<(string, string, long)>(FindKeysSql, parameters, transaction))
        {
            _owners[(type, value)] = guestId;
        }
    }

    /// <summary>Returns the guest id for the reservation; creates keys, guests and merges as needed.</summary>
    public long Resolve(HostawayReservation reservation)
    {
        var keys = GuestResolver.KeysOf(reservation);
        LookUp([reservation]);
        var owners = new SortedSet<long>(keys.Select(key => _owners[key]).OfType<long>());
        long guestId;
        if (owners.Count == 0)
        {
            guestId = connection.ExecuteScalar<long>("INSERT INTO guests (created_at, updated_at) VALUES (@Now, @Now) RETURNING guest_id;", new { Now = now }, transaction);
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

    /// <summary>Writes the new keys in one statement.</summary>
    public void Flush()
    {
        var keys = _pending.Select(key => (key.Type, key.Value, Owner: _owners[key]!.Value)).ToList();
        _pending.Clear();
        if (keys.Count > 0)
        {
            connection.Execute(
                "INSERT INTO guest_identity_keys (key_type, key_value, guest_id) SELECT * FROM unnest(@Types, @Values, @Owners) ON CONFLICT (key_type, key_value) DO NOTHING;",
                new { Types = keys.Select(k => k.Type).ToArray(), Values = keys.Select(k => k.Value).ToArray(), Owners = keys.Select(k => k.Owner).ToArray() },
                transaction);
        }
    }

    // Guests once merged into the merged one follow it to the survivor (found through the recorded merges).
    private void Merge(long merged, long survivor, long reservationId)
    {
        connection.Execute(
            StoreStatements.GuestMerge,
            new { Merged = merged, Survivor = survivor, Now = now, Reason = $"reservation {reservationId} shares an email or guest account id with both" },
            transaction);
        foreach (var key in _owners.Where(pair => pair.Value == merged).Select(pair => pair.Key).ToList())
        {
            _owners[key] = survivor;
        }
    }
}
