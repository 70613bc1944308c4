namespace HostawaySync.Engine.Conversations;

/// <summary>
/// Reads <c>Key: value</c> lines (optionally after <c>#</c>) that chat logs of other tools put before their first
/// message: guest, e-mail, listing/property, reservation, conversation, channel, arrival/departure, host.
/// </summary>
internal sealed class ChatLogHeaderReader(ChatLogSenderResolver directions)
{
    public ConversationFileHeader Header { get; private set; } = ConversationFileHeader.Empty;

    /// <summary>Takes a header line; false when the line is not one.</summary>
    public bool TryAdd(string line, out string? problem)
    {
        problem = null;
        var text = line.TrimStart().TrimStart('#');
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 40)
        {
            return false;
        }

        var key = string.Join(' ', text[..colon].Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace('_', ' ');
        var value = FormatText.NormalizeHeaderValue(text[(colon + 1)..]);
        switch (key)
        {
            case "GUEST" or "GUEST NAME":
                Header = Header with { GuestName = value };
                directions.AddGuest(value);
                return true;
            case "EMAIL" or "GUEST EMAIL" or "E-MAIL":
                Header = Header with { GuestEmail = value };
                return true;
            case "LISTING" or "LISTING NAME" or "PROPERTY" or "PROPERTY NAME":
                Header = Header with { ListingName = value };
                directions.AddHost(value);
                return true;
            case "HOST" or "HOST NAME" or "MANAGER" or "PROPERTY MANAGER":
                directions.AddHost(value);
                return true;
            case "CHANNEL" or "SOURCE":
                Header = Header with { Channel = value };
                return true;
            case "LISTING ID":
                problem = Id(value, id => Header = Header with { ListingId = id });
                return true;
            case "RESERVATION" or "RESERVATION ID":
                problem = Id(value, id => Header = Header with { ReservationId = id });
                return true;
            case "CONVERSATION" or "CONVERSATION ID":
                problem = Id(value, id => Header = Header with { ConversationId = id });
                return true;
            case "ARRIVAL" or "ARRIVAL DATE" or "CHECK-IN" or "CHECKIN" or "CHECK IN":
                problem = Date(value, date => Header = Header with { ArrivalDate = date });
                return true;
            case "DEPARTURE" or "DEPARTURE DATE" or "CHECK-OUT" or "CHECKOUT" or "CHECK OUT":
                problem = Date(value, date => Header = Header with { DepartureDate = date });
                return true;
            default:
                return false;
        }
    }

    private static string? Id(string? value, Action<long> set)
    {
        if (value is not null && FormatText.TryParseId(value, out var id))
        {
            set(id);
            return null;
        }

        return "The id is not a number; it was left unknown.";
    }

    private static string? Date(string? value, Action<DateOnly> set)
    {
        if (value is not null && FormatText.TryParseDate(value, out var date))
        {
            set(date);
            return null;
        }

        return "The date is not yyyy-MM-dd; it was left unknown.";
    }
}
