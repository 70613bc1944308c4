using System.Text.Json;
using HostawaySync.Simulator.Generation;

namespace HostawaySync.Simulator.Json;

/// <summary>The second half of a reservation: money, status, notes, channel money, policies and timestamps.</summary>
internal static class ReservationMoneyWriter
{
    private static readonly string[] Locales = ["en", "de", "fr", "es", "pt", "ja", "he", "ar"];

    /// <summary>Writes the fields from <c>totalPrice</c> to the end of the object.</summary>
    public static void Write(Utf8JsonWriter w, ReservationFacts facts, ReservationView view)
    {
        var r = facts.Reservation;
        var v = facts.Versioned;
        var fx = facts.Fixed;
        var full = !view.Embedded;
        var airbnb = facts.Channel.IsAirbnb;
        var paid = v.Chance(0.7) ? (bool?)null : v.Chance(0.7);

        w.WriteNumber("totalPrice", r.TotalPrice);
        w.NumberOrNull("taxAmount", v.Chance(0.4) ? Math.Round(r.TotalPrice * 0.08, 2) : null);
        w.NumberOrNull("channelCommissionAmount", airbnb || r.ChannelId == 2005 ? Math.Round(r.TotalPrice * 0.15, 2) : null);
        w.NumberOrNull("hostawayCommissionAmount", null);
        w.NumberOrNull("cleaningFee", v.Chance(0.6) ? v.Money(20, 120) : null);
        w.NumberOrNull("securityDepositFee", v.Chance(0.2) ? v.Next(1, 6) * 100 : null);
        w.FlagOrNull("isPaid", paid);
        w.StringOrNull("paymentMethod", paid == true ? "credit card" : null);
        w.StringOrNull("stripeGuestId", paid == true && r.ChannelId is 2000 or 2013 ? "cus_" + fx.Code(14) : null);
        w.WriteString("currency", facts.City.Currency);
        w.WriteString("status", r.Status);
        w.Timestamp("cancellationDate", r.CancellationDate);
        w.StringOrNull("cancelledBy", r.CancelledBy);
        w.StringOrNull("hostNote", Note(facts, v, "VIP guest, leave a welcome basket."));
        w.StringOrNull("guestNote", Note(facts, v, "We will arrive late.\nPlease leave the lights on."));
        if (full)
        {
            w.StringOrNull("guestLocale", facts.GuestRng.Chance(0.5) ? facts.GuestRng.Pick(Locales) : null);
        }

        w.StringOrNull("doorCode", facts.DoorCode);
        w.StringOrNull("doorCodeVendor", facts.DoorCode is null ? null : "Nuki");
        w.StringOrNull("doorCodeInstruction", facts.DoorCode is null ? null : "Enter the code, then press #.");
        w.StringOrNull("comment", null);
        w.StringOrNull("confirmationCode", facts.ConfirmationCode);
        if (full)
        {
            WriteAirbnbMoney(w, facts, airbnb);
        }

        w.Flag("isStarred", fx.Chance(0.05));
        w.Flag("isArchived", fx.Chance(0.05));
        w.Flag("isPinned", fx.Chance(0.02));
        if (full)
        {
            w.StringOrNull("originalChannel", null);
            w.NumberOrNull("customerUserId", null);
            var agreement = fx.Chance(0.3);
            w.StringOrNull("rentalAgreementFileUrl", agreement ? $"https://files.hostaway.com/agreements/{fx.Hex(16)}.pdf" : null);
            w.StringOrNull("reservationAgreement", agreement ? "signed" : fx.Chance(0.5) ? "not_signed" : null);
            w.WriteNumber("remainingBalance", paid == true ? 0 : r.TotalPrice);
            var insured = fx.Chance(0.1);
            w.StringOrNull("insuranceStatus", insured ? "insured" : null);
            w.StringOrNull("claimStatus", null);
            w.NumberOrNull("insurancePolicyId", insured ? 1 + fx.Next(10) : null);
            ReservationPolicyWriter.Write(w, facts, view.IncludeCancellationPolicy);
            w.StringOrNull("hostProxyEmail", view.IncludeResources || view.AlwaysHostProxyEmail ? facts.HostProxyEmail : null);
            ReservationResourcesWriter.Write(w, facts, view.IncludeResources);
            w.Timestamp("latestActivityOn", r.LatestActivityOn);
            w.StringOrNull("paymentStatus", paid switch { true => "Paid", false => "Unpaid", null => v.Chance(0.5) ? "Unknown" : null });
        }

        w.Timestamp("insertedOn", r.InsertedOn);
        w.Timestamp("updatedOn", r.UpdatedOn);
    }

    private static string? Note(ReservationFacts facts, Util.DetRandom v, string text)
    {
        if (facts.HostileNotes)
        {
            return HostileStrings.Pick(v.NextUInt64());
        }

        return v.Chance(0.25) ? text : null;
    }

    private static void WriteAirbnbMoney(Utf8JsonWriter w, ReservationFacts facts, bool airbnb)
    {
        var v = facts.Versioned;
        var total = facts.Reservation.TotalPrice;
        w.NumberOrNull("airbnbExpectedPayoutAmount", airbnb ? Math.Round(total * 0.97, 2) : null);
        w.NumberOrNull("airbnbListingBasePrice", airbnb ? Math.Round(total * 0.8) : null);
        w.NumberOrNull("airbnbListingCancellationHostFee", airbnb ? v.Money(0, 30) : null);
        w.NumberOrNull("airbnbListingCancellationPayout", airbnb ? v.Money(0, 200) : null);
        w.NumberOrNull("airbnbListingCleaningFee", airbnb ? v.Money(10, 100) : null);
        w.NumberOrNull("airbnbListingHostFee", airbnb ? Math.Round(total * 0.03, 2) : null);
        w.NumberOrNull("airbnbListingSecurityPrice", airbnb ? v.Next(0, 5) * 100 : null);
        w.NumberOrNull("airbnbOccupancyTaxAmountPaidToHost", airbnb ? Math.Round(total * 0.05, 2) : null);
        w.NumberOrNull("airbnbTotalPaidAmount", airbnb ? total : null);
        w.NumberOrNull("airbnbTransientOccupancyTaxPaidAmount", airbnb ? 0 : null);
    }
}
