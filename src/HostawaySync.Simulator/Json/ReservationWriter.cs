using System.Globalization;
using System.Text.Json;
using HostawaySync.Simulator.Model;

namespace HostawaySync.Simulator.Json;

/// <summary>
/// Writes the reservation object. The full object has the keys of the docs' reservation sample plus the list
/// fragment's arrays and the documented real-data extras; the conversation-embedded variant has exactly the keys
/// of the docs' embedded sample. <c>hostawayReservationId</c> is a string, as in real data and the embedded sample.
/// </summary>
internal static class ReservationWriter
{
    /// <summary>Writes one reservation.</summary>
    public static void Write(Utf8JsonWriter w, AccountSnapshot snapshot, ReservationState r, ReservationView view)
    {
        var facts = new ReservationFacts(snapshot, r);
        var full = !view.Embedded;
        var ical = facts.Channel.IsIcal;
        var fx = facts.Fixed;
        var guestRng = facts.GuestRng;

        w.WriteStartObject();
        w.WriteNumber("id", r.Id);
        w.WriteNumber("listingMapId", r.ListingId);
        w.StringOrNull("listingName", r.ListingName);
        w.WriteNumber("channelId", r.ChannelId);
        w.StringOrNull("source", fx.Chance(0.1) ? null : facts.Channel.Source);
        w.WriteString("channelName", facts.Channel.Name);
        w.WriteString("reservationId", facts.ChannelReservationId);
        w.WriteString("hostawayReservationId", r.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("channelReservationId", facts.ChannelReservationId);
        var external = r.ChannelId is 2002 or 2005 or 2007;
        w.StringOrNull("externalPropertyId", external ? fx.Digits(7) : null);
        w.StringOrNull("externalRatePlanId", r.ChannelId == 2005 && fx.Chance(0.6) ? fx.Digits(8) : null);
        w.StringOrNull("externalUnitId", r.ChannelId == 2002 ? fx.Digits(6) : null);
        w.NumberOrNull("assigneeUserId", fx.Chance(0.3) ? 1 + fx.Next(5) : null);
        w.NumberOrNull(full ? "manualIcalId" : "customerIcalId", ical ? 500 + fx.Next(100) : null);
        w.StringOrNull(full ? "manualIcalName" : "customerIcalName", ical ? "Owner calendar" : null);
        w.Flag("isProcessed", !fx.Chance(0.02));
        if (full)
        {
            w.Flag("isInitial", false);
        }

        w.Flag("isManuallyChecked", fx.Chance(0.1));
        w.Flag("isInstantBooked", fx.Chance(0.5));
        if (full)
        {
            w.Flag("hasPullError", false);
        }

        w.Timestamp("reservationDate", r.ReservationDate);
        var pending = r.Status is "pending" or "inquiry" or "inquiryPreapproved" or "awaitingPayment";
        w.Timestamp("pendingExpireDate", pending ? r.ReservationDate.AddHours(24) : null);
        ReservationGuestWriter.Write(w, facts);
        w.WriteNumber("numberOfGuests", r.NumberOfGuests);
        w.NumberOrNull("adults", r.Adults);
        w.NumberOrNull("children", r.Children);
        w.NumberOrNull("infants", r.Infants);
        w.NumberOrNull("pets", r.Pets);
        w.Date("arrivalDate", r.Arrival);
        w.Date("departureDate", r.Departure);
        if (full)
        {
            w.Flag("isDatesUnspecified", false);
        }

        w.Date("previousArrivalDate", r.PreviousArrival);
        w.Date("previousDepartureDate", r.PreviousDeparture);
        w.NumberOrNull("checkInTime", fx.Chance(0.5) ? 14 + fx.Next(4) : null);
        w.NumberOrNull("checkOutTime", fx.Chance(0.5) ? 10 + fx.Next(2) : null);
        w.WriteNumber("nights", r.Nights);
        w.StringOrNull("phone", r.GuestEmail is null && !facts.Channel.IsAirbnb ? null : guestRng.Chance(0.6) ? "+" + guestRng.Digits(11) : null);
        ReservationMoneyWriter.Write(w, facts, view);
        w.WriteEndObject();
    }
}
