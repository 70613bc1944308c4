namespace HostawaySync.Engine.Conversations;

/// <summary>
/// Tells guest from host by sender name in chat logs of other tools: the guest's name (from the file's header or
/// its file name) is the guest; Host, Me, You, owner/manager/team words, the listing's name and names the
/// header gives as host are the host; anyone else is taken as the guest, which is reported as a guess.
/// </summary>
internal sealed class ChatLogSenderResolver
{
    private static readonly HashSet<string> HostNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "me", "you", "i", "owner", "manager", "property manager", "co-host", "cohost", "hostaway",
        "admin", "staff", "team", "support", "reception", "front desk", "concierge", "automated message", "system",
    };

    private static readonly string[] HostWords = ["host", "manager", "owner", "team", "support", "concierge"];

    private readonly List<string> _guestNames = [];
    private readonly HashSet<string> _hostNames = new(StringComparer.OrdinalIgnoreCase);

    public void AddGuest(string? name)
    {
        var key = Key(name);
        if (key.Length > 0)
        {
            _guestNames.Add(key);
        }
    }

    public void AddHost(string? name)
    {
        var key = Key(name);
        if (key.Length > 0)
        {
            _hostNames.Add(key);
        }
    }

    /// <summary>The direction for a sender name, and whether it was a guess.</summary>
    public (MessageDirection Direction, bool Guessed) Resolve(string? senderName)
    {
        var key = Key(senderName);
        if (key.Length == 0)
        {
            return (MessageDirection.Guest, true);
        }

        if (_guestNames.Exists(guest => IsSamePerson(guest, key)))
        {
            return (MessageDirection.Guest, false);
        }

        if (HostNames.Contains(key) || _hostNames.Contains(key) || HasHostWord(key))
        {
            return (MessageDirection.Host, false);
        }

        return (MessageDirection.Guest, true);
    }

    // "John" in the log matches the guest "John Smith"; file names store the guest as a safe segment ("O_Brien" for "O/Brien").
    private static bool IsSamePerson(string guest, string sender) =>
        guest.Equals(sender, StringComparison.OrdinalIgnoreCase)
        || guest.StartsWith(sender + " ", StringComparison.OrdinalIgnoreCase)
        || Safe(guest).Equals(Safe(sender), StringComparison.OrdinalIgnoreCase);

    private static bool HasHostWord(string key)
    {
        var words = key.Split([' ', '-', '_', '(', ')', '.', ','], StringSplitOptions.RemoveEmptyEntries);
        return Array.Exists(words, word => Array.Exists(HostWords, hostWord => word.Equals(hostWord, StringComparison.OrdinalIgnoreCase)));
    }

    private static string Safe(string name) => SafeNames.Segment(name, string.Empty, ConversationPaths.MaxGuestNameLength, SafeNames.MaxNameUtf8Bytes);

    private static string Key(string? name) =>
        string.IsNullOrWhiteSpace(name) ? string.Empty : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
