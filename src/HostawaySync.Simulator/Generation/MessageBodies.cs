using System.Globalization;
using System.Text;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Generation;

/// <summary>Derives a message text from its seed: mostly short, many multi-line, some empty, some long, a few hostile.</summary>
internal static class MessageBodies
{
    /// <summary>
    /// The body of a message. It depends only on things that never change for a message (its seed, the guest's
    /// first name as booked, the listing's city), so a message's text never changes after it was written.
    /// </summary>
    public static string Body(DatasetContext context, MessageInfo message, string? guestFirstName, string city)
    {
        var hash = StableHash.Mix(message.Seed ^ 0x5bd1e995UL);
        if (message.ForceHostile || StableHash.Unit(hash) < context.Dataset.HostileShare)
        {
            var hostile = HostileStrings.Pick(hash >> 8);
            return ((hash >> 40) % 3) switch
            {
                0 => hostile,
                1 => "Hi,\n" + hostile + "\r\nThanks",
                _ => hostile + "\n" + hostile,
            };
        }

        var shape = (hash >> 16) % 1000;
        if (shape < 15)
        {
            return string.Empty;
        }

        if (shape < 35)
        {
            var builder = new StringBuilder();
            var paragraphs = 5 + (int)((hash >> 26) % 20);
            var separator = (hash & 1) == 0 ? "\n\n" : "\r\n\r\n";
            for (var i = 0; i < paragraphs; i++)
            {
                builder.Append(MessageCatalog.LongParagraph).Append(separator);
            }

            return builder.ToString();
        }

        var templates = message.IsAutomated ? MessageCatalog.Automated
            : message.IsIncoming ? MessageCatalog.Guest : MessageCatalog.Host;
        var template = templates[(int)((hash >> 24) % (ulong)templates.Length)];
        return template
            .Replace("{first}", guestFirstName ?? "there", StringComparison.Ordinal)
            .Replace("{listing}", "our place in " + city, StringComparison.Ordinal)
            .Replace("{code}", (1000 + ((hash >> 33) % 9000)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{hour}", (13 + ((hash >> 50) % 6)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
