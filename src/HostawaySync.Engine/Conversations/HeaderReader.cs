namespace HostawaySync.Engine.Conversations;

/// <summary>Reads the <c># Key: value</c> lines of a HostawaySync file. Unknown keys, repeats and bad values are reported and ignored.</summary>
internal sealed class HeaderReader(ProblemList problems)
{
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

    public ConversationFileHeader Header { get; private set; } = ConversationFileHeader.Empty;

    public void Add(int lineNumber, string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        var text = line.TrimStart();
        if (!text.StartsWith('#'))
        {
            problems.Add(lineNumber, line, "Text before the first message that is not a '# Key: value' header line; it was ignored.");
            return;
        }

        text = text.TrimStart('#');
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            problems.Add(lineNumber, line, "A header line without 'Key: value'; it was ignored.");
            return;
        }

        var key = text[..colon].Trim();
        var value = text[(colon + 1)..].Trim();
        if (!IsKnown(key))
        {
            problems.Add(lineNumber, line, $"Unknown header key '{key}' (perhaps from another format version); it was ignored.");
            return;
        }

        if (!_seen.Add(key))
        {
            problems.Add(lineNumber, line, $"The header key '{key}' appears again; the first value was kept.");
            return;
        }

        var problem = Apply(key, value);
        if (problem is not null)
        {
            problems.Add(lineNumber, line, problem);
        }
    }

    private static bool IsKnown(string key) => key.ToUpperInvariant() switch
    {
        "CONVERSATION" or "RESERVATION" or "LISTING" or "GUEST" or "GUEST EMAIL" or "CHANNEL" or "STAY" or "DELETED" => true,
        _ => false,
    };

    private string? Apply(string key, string value)
    {
        var text = value.Length == 0 ? null : value;
        switch (key.ToUpperInvariant())
        {
            case "CONVERSATION":
                return ReadId(value, "conversation id", id => Header = Header with { ConversationId = id });
            case "RESERVATION":
                return ReadId(value, "reservation id", id => Header = Header with { ReservationId = id });
            case "LISTING":
                return ApplyListing(value);
            case "GUEST":
                Header = Header with { GuestName = text };
                return null;
            case "GUEST EMAIL":
                Header = Header with { GuestEmail = text };
                return null;
            case "CHANNEL":
                Header = Header with { Channel = text };
                return null;
            case "DELETED":
                return ApplyDeleted(value);
            default:
                return ApplyStay(value);
        }
    }

    private static string? ReadId(string value, string what, Action<long?> set)
    {
        if (value.Length == 0 || value == FormatText.Unknown)
        {
            return null;
        }

        if (FormatText.TryParseId(value, out var id))
        {
            set(id);
            return null;
        }

        return $"The {what} '{value}' is not a number; it was left unknown.";
    }

    /// <summary><c>{id} {name}</c>, <c>- {name}</c> or <c>{id}</c>. A value without a leading id is all name.</summary>
    private string? ApplyListing(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? value : value[..space];
        var rest = space < 0 ? null : value[(space + 1)..].Trim();
        if (first == FormatText.Unknown)
        {
            Header = Header with { ListingName = string.IsNullOrEmpty(rest) ? null : rest };
        }
        else if (FormatText.TryParseId(first, out var id))
        {
            Header = Header with { ListingId = id, ListingName = string.IsNullOrEmpty(rest) ? null : rest };
        }
        else
        {
            Header = Header with { ListingName = value.Length == 0 ? null : value };
        }

        return null;
    }

    /// <summary><c>{arrival} to {departure}</c>, either side <c>-</c> when unknown.</summary>
    private string? ApplyStay(string value)
    {
        var parts = value.Split(FormatText.StayJoiner, 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            return "The stay is not '{arrival} to {departure}'; it was left unknown.";
        }

        DateOnly? arrival = null;
        DateOnly? departure = null;
        var arrivalRead = parts[0] == FormatText.Unknown || TryDate(parts[0], out arrival);
        var departureRead = parts[1] == FormatText.Unknown || TryDate(parts[1], out departure);
        Header = Header with { ArrivalDate = arrival, DepartureDate = departure };
        return arrivalRead && departureRead ? null : "A stay date is not yyyy-MM-dd; it was left unknown.";
    }

    /// <summary>A time as separators write it.</summary>
    private string? ApplyDeleted(string value)
    {
        if (!FormatText.TryParseTime(value, out var time))
        {
            return "The deletion time is not 'yyyy-MM-dd HH:mm:ss UTC'; it was ignored.";
        }

        Header = Header with { DeletedAt = time };
        return null;
    }

    private static bool TryDate(string text, out DateOnly? date)
    {
        date = FormatText.TryParseDate(text, out var value) ? value : null;
        return date is not null;
    }
}
