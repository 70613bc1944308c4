using System.Text.Json;
using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Json;

/// <summary>
/// Booking.com extras and the resource arrays of a reservation. Without includeResources the arrays are
/// <c>[]</c> (as the docs' list fragment shows) and the Booking.com extras null (the docs say they appear only
/// with includeResources=1).
/// </summary>
internal static class ReservationResourcesWriter
{
    /// <summary>Writes bookingcom*, customFieldValues, financeField, reservationFees and reservationUnit.</summary>
    public static void Write(Utf8JsonWriter w, ReservationFacts facts, bool includeResources)
    {
        var r = facts.Reservation;
        var rng = new DetRandom(facts.Context.Hash(HashTags.ReservationVersion, r.Id, 1_000_000L + r.Version));
        WriteBookingCom(w, facts, includeResources && r.ChannelId == 2005, rng);
        if (!includeResources)
        {
            w.EmptyArray("customFieldValues");
            w.EmptyArray("financeField");
            w.EmptyArray("reservationFees");
            w.EmptyArray("reservationUnit");
            return;
        }

        w.WriteStartArray("customFieldValues");
        var fields = rng.Next(3);
        for (var k = 0; k < fields; k++)
        {
            w.WriteStartObject();
            w.WriteNumber("customFieldId", Catalog.CustomFieldIds[k]);
            w.WriteString("value", facts.HostileNotes ? HostileStrings.Pick(rng.NextUInt64()) : $"Field value {rng.Next(100)}");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteFinanceFields(w, facts, rng);
        WriteFees(w, facts, rng);

        w.WriteStartArray("reservationUnit");
        if (facts.Fixed.Chance(0.05))
        {
            w.WriteStartObject();
            w.WriteNumber("id", (r.Id * 4) + 1);
            w.WriteNumber("reservationId", r.Id);
            w.WriteNumber("listingUnitId", (r.ListingId * 10) + 1);
            w.WriteString("externalReservationId", facts.ChannelReservationId);
            w.WriteString("externalReservationUnitId", facts.Fixed.Digits(6));
            w.StringOrNull("guestName", r.GuestName);
            w.StringOrNull("guestFirstName", r.GuestFirstName);
            w.StringOrNull("guestLastName", r.GuestLastName);
            w.WriteNumber("numberOfGuests", r.NumberOfGuests);
            w.WriteNumber("adults", r.Adults ?? r.NumberOfGuests);
            w.WriteNumber("children", r.Children ?? 0);
            w.WriteNumber("infants", r.Infants ?? 0);
            w.WriteNumber("pets", r.Pets ?? 0);
            w.WriteNumber("totalPrice", r.TotalPrice);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteBookingCom(Utf8JsonWriter w, ReservationFacts facts, bool filled, DetRandom rng)
    {
        if (!filled)
        {
            w.WriteNull("bookingcomSpecialRequests");
            w.WriteNull("bookingcomSmokingPreference");
            w.WriteNull("bookingcomIsGeniusMember");
            w.WriteNull("bookingcomBookerName");
            w.WriteNull("bookingcomBookerCompany");
            w.WriteNull("bookingcomNoShowReportedAt");
            w.WriteNull("bookingcomNoShowFeeWaived");
            return;
        }

        var genius = rng.Chance(0.4);
        w.WriteStartObject("bookingcomSpecialRequests");
        w.StringOrNull("remarks", rng.Chance(0.5) ? "Arriving after 22:00." : null);
        w.WriteStartArray("geniusFreebies");
        if (genius)
        {
            w.WriteStartObject();
            w.WriteString("code", "GF_2");
            w.WriteString("text", "Complimentary breakfast");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteNumber("bookingcomSmokingPreference", 0);
        w.Flag("bookingcomIsGeniusMember", genius);
        w.StringOrNull("bookingcomBookerName", facts.Reservation.GuestName);
        w.StringOrNull("bookingcomBookerCompany", rng.Chance(0.1) ? "Globetrotter GmbH" : null);
        var noShow = rng.Chance(0.02);
        w.Timestamp("bookingcomNoShowReportedAt", noShow ? facts.Reservation.Arrival.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc).AddDays(1) : null);
        w.WriteBoolean("bookingcomNoShowFeeWaived", noShow && rng.Chance(0.5));
    }

    private static void WriteFinanceFields(Utf8JsonWriter w, ReservationFacts facts, DetRandom rng)
    {
        var r = facts.Reservation;
        w.WriteStartArray("financeField");
        var items = new (string Type, string Name, string Title, double Value)[]
        {
            ("price", "baseRate", "Base rate", Math.Round(r.TotalPrice * 0.8, 2)),
            ("fee", "cleaningFee", "Cleaning fee", rng.Money(20, 120)),
            ("tax", "vat", "VAT", Math.Round(r.TotalPrice * 0.07, 2)),
        };
        var count = 1 + rng.Next(items.Length);
        for (var k = 0; k < count; k++)
        {
            var item = items[k];
            w.WriteStartObject();
            w.WriteNumber("id", (r.Id * 8) + k);
            w.WriteNumber("units", 1);
            w.NumberOrNull("listingFeeSettingId", item.Type == "fee" ? 9000 + rng.Next(100) : null);
            w.WriteString("type", item.Type);
            w.WriteString("name", item.Name);
            w.WriteString("title", item.Title);
            w.StringOrNull("alias", null);
            w.WriteNumber("value", item.Value);
            w.Flag("isIncludedInTotalPrice", true);
            w.Flag("isOverriddenByUser", rng.Chance(0.1));
            w.FlagOrNull("isMandatory", item.Type == "fee" ? true : null);
            w.Flag("isQuantitySelectable", false);
            w.Flag("isDeleted", false);
            w.WriteNumber("total", item.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteFees(Utf8JsonWriter w, ReservationFacts facts, DetRandom rng)
    {
        var r = facts.Reservation;
        w.WriteStartArray("reservationFees");
        var count = rng.Next(3);
        for (var k = 0; k < count; k++)
        {
            w.WriteStartObject();
            w.WriteNumber("id", (r.Id * 4) + k);
            w.WriteNumber("accountId", facts.Context.AccountId);
            w.WriteNumber("listingMapId", r.ListingId);
            w.WriteNumber("reservationId", r.Id);
            w.WriteString("name", k == 0 ? "Cleaning fee" : "Pet fee");
            w.WriteNumber("amount", rng.Money(5, 80));
            w.WriteString("currency", facts.City.Currency);
            w.NumberOrNull("percentage", rng.Chance(0.3) ? rng.Next(5, 20) : null);
            w.Flag("isIncluded", rng.Chance(0.5));
            w.Flag("isPerNight", rng.Chance(0.3));
            w.Flag("isPerPerson", rng.Chance(0.2));
            w.Flag("isImported", rng.Chance(0.5));
            w.Timestamp("insertedOn", r.InsertedOn);
            w.Timestamp("updatedOn", r.UpdatedOn);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
