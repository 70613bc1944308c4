using System.Globalization;
using System.Text;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Generation;

/// <summary>Creates guests and decides how much of a guest each reservation shows.</summary>
internal static class GuestFactory
{
    /// <summary>Creates a guest. Every guest has a channel account id; only some channels show it.</summary>
    public static Guest Create(DatasetContext context, int id, bool forceHostile, bool forceEmail)
    {
        var rng = new DetRandom(context.Hash(HashTags.Guest, id));
        var hostile = forceHostile || rng.Chance(context.Dataset.HostileShare);
        var first = hostile && rng.Chance(0.5) ? HostileStrings.Pick(rng.NextUInt64()) : rng.Pick(Catalog.FirstNames);
        string? last = hostile ? HostileStrings.Pick(rng.NextUInt64()) : rng.Pick(Catalog.LastNames);
        if (!hostile && rng.Chance(0.04))
        {
            last = null;
        }

        string? email = null;
        if (forceEmail || rng.Chance(0.85))
        {
            email = hostile && rng.Chance(0.5)
                ? HostileStrings.PickEmail(rng.NextUInt64())
                : $"{Fold(first)}.{Fold(last ?? "guest")}{(rng.Chance(0.5) ? rng.Next(1, 99).ToString(CultureInfo.InvariantCulture) : string.Empty)}@{rng.Pick(Catalog.EmailDomains)}";
        }

        return new Guest(id, first, last, email, rng.Digits(rng.Next(7, 10)));
    }

    /// <summary>
    /// The guest fields one reservation shows: channels differ (Airbnb hides the e-mail, iCal shows nothing), and
    /// repeat bookings show the same e-mail with other letter case or surrounding spaces.
    /// </summary>
    public static ReservationState Present(ReservationState reservation, Guest guest, ChannelInfo channel, bool isRepeat, DetRandom rng)
    {
        string? first = guest.FirstName, last = guest.LastName, full = guest.FullName;
        if (!channel.ShowsName)
        {
            (first, last, full) = (null, null, rng.Chance(0.5) ? "Reserved" : null);
        }
        else if (rng.Chance(0.15))
        {
            // Some channels send only the full name, as the docs' embedded reservation sample shows.
            (first, last) = (null, null);
        }

        var email = guest.Email is not null && rng.Chance(channel.EmailShare) ? Vary(guest.Email, isRepeat, rng) : null;
        return reservation with
        {
            GuestId = guest.Id,
            GuestFirstName = first,
            GuestLastName = last,
            GuestName = full,
            GuestEmail = email,
            GuestExternalAccountId = channel.ShowsExternalId ? guest.ExternalAccountId : null,
        };
    }

    /// <summary>The e-mail as typed this time: other letter case, or surrounding spaces.</summary>
    public static string Vary(string email, bool isRepeat, DetRandom rng)
    {
        var roll = rng.NextDouble();
        var variantShare = isRepeat ? 1.0 : 0.1;
        if (roll < 0.2 * variantShare)
        {
            return email.ToUpperInvariant();
        }

        if (roll < 0.3 * variantShare)
        {
            return char.ToUpperInvariant(email[0]) + email[1..];
        }

        return roll < 0.42 * variantShare ? "  " + email + " " : email;
    }

    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
        }

        return builder.Length == 0 ? "guest" : builder.ToString();
    }
}
