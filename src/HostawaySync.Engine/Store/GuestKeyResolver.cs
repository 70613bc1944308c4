using System.Globalization;
using HostawaySync.Engine.Api.Models;

namespace HostawaySync.Engine.Store;

/// <summary>
/// The guest rules every store follows. Two reservations belong to the same guest when their normalized email (trimmed,
/// case-insensitive) or their non-empty channel guest account id match, transitively. Every reservation also keys its own
/// guest, so a guest is found again on every sync. A guest's id never changes because reservations arrive; when a
/// reservation proves two known guests are one, the older id survives, the merge is recorded, and every row that pointed
/// at the other follows it. One resolver serves one transaction (a page of reservations): it looks the page's keys up in
/// one query and remembers what it learns and writes, so a reservation costs no lookup of its own. Each store supplies
/// the statements.
/// </summary>
internal abstract class GuestKeyResolver
{
    // Every key looked up in this transaction, with its owner (null: no guest has it yet).
    private readonly Dictionary<(string Type, string Value), long?> _owners = [];

    // New keys, written together by Flush with the owners they have by then (merges included).
    private readonly List<(string Type, string Value)> _pending = [];

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

        foreach (var (type, value, guestId) in FindOwners(keys))
        {
            _owners[(type, value)] = guestId;
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
            guestId = NewGuest();
        }
        else
        {
            guestId = owners.Min;
            foreach (var merged in owners.Where(id => id != guestId))
            {
                MergeRows(merged, guestId, $"reservation {reservation.Id} shares an email or guest account id with both");
                foreach (var key in _owners.Where(pair => pair.Value == merged).Select(pair => pair.Key).ToList())
                {
                    _owners[key] = guestId;
                }
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

    /// <summary>Writes the keys learnt since the last flush, with their owners.</summary>
    public void Flush()
    {
        var keys = _pending.Select(key => (key.Type, key.Value, Owner: _owners[key]!.Value)).ToList();
        _pending.Clear();
        if (keys.Count > 0)
        {
            WriteKeys(keys);
        }
    }

    /// <summary>The stored owners of these keys (keys no guest has are left out).</summary>
    protected abstract IEnumerable<(string Type, string Value, long GuestId)> FindOwners(IReadOnlyList<(string Type, string Value)> keys);

    /// <summary>Creates a guest; returns its id.</summary>
    protected abstract long NewGuest();

    /// <summary>
    /// Points everything of <paramref name="merged"/> at <paramref name="survivor"/> and records the merge; guests once
    /// merged into the merged one follow it (found through the recorded merges, see <see cref="StoreStatements.GuestMerge"/>).
    /// </summary>
    protected abstract void MergeRows(long merged, long survivor, string reason);

    /// <summary>Stores new keys (a key stored meanwhile keeps its owner).</summary>
    protected abstract void WriteKeys(IReadOnlyList<(string Type, string Value, long Owner)> keys);

    private static List<(string Type, string Value)> KeysOf(HostawayReservation reservation)
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
}
