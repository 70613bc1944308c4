using System.Text.Json;
using HostawaySync.Simulator.Generation;

namespace HostawaySync.Simulator.Json;

/// <summary>The guest block of a reservation, from <c>guestName</c> to <c>isGuestVerifiedByReviews</c>.</summary>
internal static class ReservationGuestWriter
{
    private static readonly string[] Works = ["Self-employed", "Freelancer", "Nurse", "Software engineer"];

    /// <summary>Writes the guest fields. Address fields are derived per guest, so a guest's bookings agree.</summary>
    public static void Write(Utf8JsonWriter w, ReservationFacts facts)
    {
        var r = facts.Reservation;
        var g = facts.GuestRng;
        var shows = facts.Channel.ShowsName;
        var home = Catalog.Cities[g.Next(Catalog.Cities.Length)];
        var hasAddress = shows && g.Chance(0.4);
        w.StringOrNull("guestName", r.GuestName);
        w.StringOrNull("guestFirstName", r.GuestFirstName);
        w.StringOrNull("guestLastName", r.GuestLastName);
        w.StringOrNull("guestExternalAccountId", r.GuestExternalAccountId);
        w.StringOrNull("guestZipCode", hasAddress ? home.ZipCode : null);
        w.StringOrNull("guestAddress", hasAddress ? $"{g.Next(1, 300)} {home.Street}" : null);
        w.StringOrNull("guestCity", shows && g.Chance(0.6) ? home.City : null);
        w.StringOrNull("guestCountry", shows && g.Chance(0.7) ? home.CountryCode : null);
        w.StringOrNull("guestEmail", r.GuestEmail);
        var airbnb = facts.Channel.IsAirbnb;
        w.StringOrNull("guestPicture", airbnb ? $"https://a0.muscache.com/im/pictures/{g.Hex(8)}-{g.Hex(4)}.jpg?aki_policy=profile_small" : null);
        w.WriteNumber("guestRecommendations", airbnb ? g.Next(0, 30) : 0);
        w.WriteNumber("guestTrips", airbnb ? g.Next(0, 60) : 0);
        w.StringOrNull("guestWork", g.Chance(0.2) ? g.Pick(Works) : null);
        var verified = airbnb && g.Chance(0.7);
        w.Flag("isGuestIdentityVerified", verified);
        w.Flag("isGuestVerifiedByEmail", verified && g.Chance(0.9));
        w.Flag("isGuestVerifiedByWorkEmail", verified && g.Chance(0.2));
        w.Flag("isGuestVerifiedByFacebook", verified && g.Chance(0.3));
        w.Flag("isGuestVerifiedByGovernmentId", verified && g.Chance(0.6));
        w.Flag("isGuestVerifiedByPhone", verified && g.Chance(0.8));
        w.Flag("isGuestVerifiedByReviews", verified && g.Chance(0.5));
    }
}
