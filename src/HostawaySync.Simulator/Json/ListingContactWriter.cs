using System.Text.Json;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Json;

/// <summary>The second half of the listing object: contacts, channel texts, invoicing, licences and channel flags.</summary>
internal static class ListingContactWriter
{
    /// <summary>Writes the fields from <c>contactName</c> to <c>insuranceEligibilityStatus</c>.</summary>
    public static void Write(Utf8JsonWriter w, ListingState listing, CityInfo city, DetRandom fixedRng, DetRandom rng)
    {
        var text = $"{listing.Name} in {city.City}";
        w.WriteString("contactName", listing.ContactName);
        w.WriteString("contactSurName", "Manager");
        w.WriteString("contactPhone1", "+1555" + fixedRng.Digits(7));
        w.WriteString("contactPhone2", string.Empty);
        w.WriteString("contactLanguage", "en");
        w.WriteString("contactEmail", "host@example.com");
        w.WriteString("contactAddress", city.Street);
        w.WriteString("language", "en");
        w.WriteString("currencyCode", city.Currency);
        w.WriteString("timeZoneName", city.TimeZone);
        w.WriteString("wifiUsername", "Guest-" + fixedRng.Hex(4));
        w.WriteString("wifiPassword", fixedRng.Hex(10));
        var cleanness = rng.Chance(0.3);
        w.StringOrNull("cleannessStatus", cleanness ? (1 + rng.Next(3)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        w.StringOrNull("cleaningInstruction", cleanness && rng.Chance(0.5) ? "Change towels.\nCheck the balcony." : null);
        w.Timestamp("cleannessStatusUpdatedOn", cleanness ? listing.InsertedOn.AddDays(rng.Next(1, 30)) : null);
        w.WriteString("homeawayPropertyName", listing.Name);
        w.WriteString("homeawayPropertyHeadline", text);
        w.WriteString("homeawayPropertyDescription", text + ".");
        w.WriteString("bookingcomPropertyName", listing.Name);
        w.WriteString("bookingcomPropertyDescription", text + ".");
        w.WriteString("invoicingContactName", listing.ContactName);
        w.WriteString("invoicingContactSurName", "Manager");
        w.WriteString("invoicingContactPhone1", "+1555" + fixedRng.Digits(7));
        w.WriteString("invoicingContactPhone2", string.Empty);
        w.WriteString("invoicingContactLanguage", "en");
        w.WriteString("invoicingContactEmail", "invoice@example.com");
        w.WriteString("invoicingContactAddress", city.Street);
        w.WriteString("invoicingContactCity", city.City);
        w.WriteString("invoicingContactZipcode", city.ZipCode);
        w.WriteString("invoicingContactCountry", city.CountryCode);
        var licensed = fixedRng.Chance(0.2);
        w.StringOrNull("propertyLicenseNumber", licensed ? "STR-" + fixedRng.Digits(6) : null);
        w.StringOrNull("propertyLicenseType", licensed ? "Short-term rental" : null);
        w.StringOrNull("propertyLicenseIssueDate", licensed ? Timestamps.Format(DateOnly.FromDateTime(listing.InsertedOn)) : null);
        w.StringOrNull("propertyLicenseExpirationDate", licensed ? Timestamps.Format(DateOnly.FromDateTime(listing.InsertedOn).AddYears(3)) : null);
        w.NumberOrNull("partnersListingMarkup", rng.Chance(0.2) ? Math.Round(1 + (rng.NextDouble() / 5), 2) : null);
        w.NumberOrNull("airbnbOfficialListingMarkup", rng.Chance(0.2) ? Math.Round(1 + (rng.NextDouble() / 5), 2) : null);
        w.NumberOrNull("bookingEngineMarkup", rng.Chance(0.2) ? 1 : null);
        w.NumberOrNull("homeawayApiMarkup", null);
        w.NumberOrNull("marriottListingMarkup", null);
        var agreement = fixedRng.Chance(0.4);
        w.WriteBoolean("isRentalAgreementActive", agreement);
        w.StringOrNull("listingAgreementText", agreement ? "Rental agreement text.\nSign before arrival." : null);
        w.WriteBoolean("bookingcomPropertyRegisteredInVcs", fixedRng.Chance(0.2));
        w.WriteBoolean("bookingcomPropertyHasVat", fixedRng.Chance(0.3));
        w.WriteBoolean("bookingcomPropertyDeclaresRevenue", fixedRng.Chance(0.3));
        var onAirbnb = fixedRng.Chance(0.8);
        w.StringOrNull("airbnbListingUrl", onAirbnb ? "https://www.airbnb.com/rooms/" + fixedRng.Digits(8) : null);
        w.StringOrNull("vrboListingUrl", fixedRng.Chance(0.5) ? "https://www.vrbo.com/" + fixedRng.Digits(7) : null);
        w.StringOrNull("googleVrListingUrl", fixedRng.Chance(0.3) ? "http://www.google.com/travel/hotels/entity/" + fixedRng.Digits(7) + "/overview" : null);
        w.WriteString("airbnbName", onAirbnb ? listing.Name : string.Empty);
        w.WriteString("airbnbSummary", string.Empty);
        w.StringOrNull("airbnbSpace", onAirbnb && rng.Chance(0.5) ? "The whole place is yours." : null);
        w.StringOrNull("airbnbAccess", null);
        w.StringOrNull("airbnbInteraction", null);
        w.StringOrNull("airbnbNeighborhoodOverview", onAirbnb && rng.Chance(0.3) ? "Lively area with cafés." : null);
        w.StringOrNull("airbnbTransit", null);
        w.StringOrNull("airbnbNotes", null);
        w.WriteBoolean("insuranceEligibilityStatus", fixedRng.Chance(0.5));
    }
}
