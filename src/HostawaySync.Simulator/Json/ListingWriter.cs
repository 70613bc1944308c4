using System.Globalization;
using System.Text.Json;
using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Json;

/// <summary>
/// Writes the listing object with the documented sample's keys and value kinds, plus the real-data extras
/// <c>insertedOn</c> and <c>latestActivityOn</c>. Content is derived from (seed, id, version), so an edit
/// (version + 1) changes prices and texts while stored fields (name, city) stay put unless the edit set them.
/// </summary>
internal static class ListingWriter
{
    private static readonly string[] Policies = ["flexible", "moderate", "strict"];

    /// <summary>Writes one listing. Resource arrays are filled only with includeResources=1 (strict reading).</summary>
    public static void Write(Utf8JsonWriter w, DatasetContext context, ListingState listing, bool includeResources)
    {
        var fixedRng = new DetRandom(context.Hash(HashTags.Listing, listing.Id));
        var rng = new DetRandom(context.Hash(HashTags.ListingContent, listing.Id, listing.Version));
        var city = Catalog.Cities[listing.CityIndex];
        var noun = fixedRng.Pick(Catalog.ListingNouns);
        var number = fixedRng.Next(1, 200).ToString(CultureInfo.InvariantCulture);
        var street = $"{city.Street} {number}";
        var publicAddress = $"{city.City}, {city.State} {city.ZipCode}, {city.Country}";
        var description = $"Our {noun} in {city.City} sits on a quiet side street, a short walk from shops and cafés. "
            + (rng.Chance(0.5) ? "Recently renovated.\nFast wifi." : "Quiet street.\r\nFamily friendly.");
        var capacity = fixedRng.Next(1, 11);
        var bedrooms = Math.Max(1, capacity / 2);

        w.WriteStartObject();
        w.WriteNumber("id", listing.Id);
        w.WriteNumber("propertyTypeId", 1 + fixedRng.Next(6));
        w.WriteString("name", listing.Name);
        w.WriteString("externalListingName", listing.Name);
        w.WriteString("internalListingName", $"Property #{listing.Serial + 1}");
        w.WriteString("description", description);
        w.WriteString("houseRules", rng.Chance(0.5) ? "No smoking.\nNo parties or events." : "Quiet hours 22:00–07:00");
        w.WriteString("keyPickup", "Key box at the entrance");
        w.WriteString("specialInstruction", "Please take off your shoes.");
        w.WriteString("doorSecurityCode", fixedRng.Hex(5));
        w.WriteString("country", city.Country);
        w.WriteString("countryCode", city.CountryCode);
        w.WriteString("state", city.State);
        w.WriteString("city", city.City);
        w.WriteString("street", street);
        w.WriteString("address", $"{street}, {publicAddress}");
        w.WriteString("publicAddress", publicAddress);
        w.WriteString("zipcode", city.ZipCode);
        w.WriteNumber("price", rng.Money(60, 400));
        w.WriteNumber("starRating", fixedRng.Next(0, 11) / 2.0);
        w.WriteNumber("averageReviewRating", Math.Round(6 + (rng.NextDouble() * 4), 1));
        w.WriteNumber("weeklyDiscount", Math.Round(0.7 + (rng.NextDouble() * 0.3), 2));
        w.WriteNumber("monthlyDiscount", Math.Round(0.6 + (rng.NextDouble() * 0.3), 2));
        w.WriteNumber("propertyRentTax", rng.Next(0, 15));
        w.WriteNumber("guestPerPersonPerNightTax", rng.Money(0, 5));
        w.WriteNumber("guestStayTax", rng.Next(0, 15));
        w.WriteNumber("guestNightlyTax", rng.Next(0, 15));
        w.WriteNumber("guestBathroomsNumber", 1 + fixedRng.Next(3));
        w.WriteNumber("refundableDamageDeposit", rng.Next(0, 5) * 100);
        w.WriteNumber("personCapacity", capacity);
        w.NumberOrNull("maxChildrenAllowed", fixedRng.Chance(0.3) ? fixedRng.Next(0, 4) : null);
        w.NumberOrNull("maxInfantsAllowed", fixedRng.Chance(0.3) ? fixedRng.Next(0, 3) : null);
        w.NumberOrNull("maxPetsAllowed", fixedRng.Chance(0.3) ? fixedRng.Next(0, 3) : null);
        w.WriteNumber("lat", Math.Round(city.Lat + ((fixedRng.NextDouble() - 0.5) / 20), 5));
        w.WriteNumber("lng", Math.Round(city.Lng + ((fixedRng.NextDouble() - 0.5) / 20), 5));
        w.WriteNumber("checkInTimeStart", 12 + fixedRng.Next(5));
        w.WriteNumber("checkInTimeEnd", 20 + fixedRng.Next(4));
        w.WriteNumber("checkOutTime", 9 + fixedRng.Next(4));
        w.WriteString("cancellationPolicy", rng.Pick(Policies));
        w.WriteNumber("cancellationPolicyId", 4010 + rng.Next(3));
        w.WriteNumber("vrboCancellationPolicyId", 4011);
        w.WriteNumber("airbnbCancellationPolicyId", 4012);
        w.WriteNumber("marriottCancellationPolicyId", 4013);
        w.WriteNumber("bookingCancellationPolicyId", 4013);
        w.WriteNumber("squareMeters", 20 + fixedRng.Next(200));
        w.StringOrNull("specialStatus", fixedRng.Chance(0.05) ? "archived" : null);
        w.WriteString("roomType", fixedRng.Chance(0.85) ? "entire_home" : "private_room");
        w.WriteString("bathroomType", fixedRng.Chance(0.8) ? "private" : "shared");
        w.WriteNumber("bedroomsNumber", bedrooms);
        w.WriteNumber("bedsNumber", bedrooms + fixedRng.Next(3));
        w.WriteString("bedType", "real_bed");
        w.WriteNumber("bathroomsNumber", 1 + fixedRng.Next(3));
        w.WriteNumber("minNights", 1 + rng.Next(3));
        w.WriteNumber("maxNights", 1125);
        w.WriteNumber("guestsIncluded", Math.Max(1, capacity - fixedRng.Next(3)));
        w.WriteNumber("cleaningFee", rng.Money(20, 150));
        w.WriteNumber("priceForExtraPerson", rng.Money(0, 60));
        w.Flag("instantBookable", fixedRng.Chance(0.6));
        w.WriteNumber("instantBookableLeadTime", fixedRng.Next(0, 48));
        w.WriteNumber("allowSameDayBooking", fixedRng.Next(0, 3));
        w.WriteNumber("sameDayBookingLeadTime", fixedRng.Next(0, 24));
        ListingContactWriter.Write(w, listing, city, fixedRng, rng);
        ListingResourcesWriter.Write(w, context, listing, includeResources);
        w.Timestamp("insertedOn", listing.InsertedOn);
        w.Timestamp("latestActivityOn", listing.LatestActivityOn);
        w.WriteEndObject();
    }
}
