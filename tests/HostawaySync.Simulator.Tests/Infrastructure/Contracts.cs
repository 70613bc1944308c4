using System.Text.Json;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Json;

namespace HostawaySync.Simulator.Tests.Infrastructure;

/// <summary>The contracts of every object the simulator serves, built from the official samples.</summary>
internal static class Contracts
{
    private const JsonValueKind Text = JsonValueKind.String;
    private const JsonValueKind Number = JsonValueKind.Number;

    private static readonly HashSet<string> None = [];

    /// <summary>
    /// Reservation fields that are never null in real data: keys, ids, flags, dates, money total, arrays, and the
    /// modification timestamps. Every other reservation field may be null (README §5: "almost every non-key field
    /// can be null"; guestEmail null on ~58% of real rows, isPaid often null).
    /// </summary>
    private static readonly HashSet<string> ReservationNeverNull =
    [
        "id", "listingMapId", "channelId", "channelName", "reservationId", "hostawayReservationId", "channelReservationId",
        "isProcessed", "isInitial", "isManuallyChecked", "isInstantBooked", "hasPullError", "reservationDate",
        "guestRecommendations", "guestTrips", "isGuestIdentityVerified", "isGuestVerifiedByEmail", "isGuestVerifiedByWorkEmail",
        "isGuestVerifiedByFacebook", "isGuestVerifiedByGovernmentId", "isGuestVerifiedByPhone", "isGuestVerifiedByReviews",
        "numberOfGuests", "arrivalDate", "departureDate", "isDatesUnspecified", "nights", "totalPrice", "currency", "status",
        "isStarred", "isArchived", "isPinned", "remainingBalance", "customFieldValues", "financeField", "reservationFees",
        "reservationUnit", "insertedOn", "updatedOn",
    ];

    /// <summary>Documented kinds of reservation fields that are null in the docs' samples (reservation object table).</summary>
    private static readonly Dictionary<string, JsonValueKind> ReservationNullKinds = new()
    {
        ["externalPropertyId"] = Text, ["externalRatePlanId"] = Text, ["externalUnitId"] = Text, // README §5: sent as strings
        ["assigneeUserId"] = Number, ["manualIcalId"] = Number, ["manualIcalName"] = Text,
        ["customerIcalId"] = Number, ["customerIcalName"] = Text, ["pendingExpireDate"] = Text,
        ["guestFirstName"] = Text, ["guestLastName"] = Text, ["guestExternalAccountId"] = Text,
        ["guestZipCode"] = Text, ["guestAddress"] = Text, ["guestPicture"] = Text, ["guestWork"] = Text,
        ["adults"] = Number, ["children"] = Number, ["infants"] = Number, ["pets"] = Number,
        ["previousArrivalDate"] = Text, ["previousDepartureDate"] = Text, ["checkInTime"] = Number, ["checkOutTime"] = Number,
        ["phone"] = Text, ["taxAmount"] = Number, ["channelCommissionAmount"] = Number, ["hostawayCommissionAmount"] = Number,
        ["cleaningFee"] = Number, ["securityDepositFee"] = Number, ["isPaid"] = Number, ["paymentMethod"] = Text,
        ["stripeGuestId"] = Text, ["cancellationDate"] = Text, ["cancelledBy"] = Text, ["hostNote"] = Text,
        ["guestNote"] = Text, ["guestLocale"] = Text, ["comment"] = Text, ["doorCode"] = Text,
        ["doorCodeVendor"] = Text, ["doorCodeInstruction"] = Text, ["confirmationCode"] = Text,
        ["originalChannel"] = Text, ["customerUserId"] = Number, ["bookingCancellationPolicy"] = Text,
        ["vrboCancellationPolicy"] = Text, ["marriottCancellationPolicy"] = Text,
    };

    /// <summary>hostawayReservationId: int in the reservation sample, but a string in real data and in the
    /// conversation sample's embedded reservation (README §5 "numeric values sent as strings").</summary>
    private static readonly Dictionary<string, JsonValueKind> ReservationOverrides = new() { ["hostawayReservationId"] = Text };

    private static readonly Dictionary<string, JsonValueKind> MessageNullKinds = new()
    {
        ["communicationId"] = Number, ["airbnbThreadMessageId"] = Text, ["channelThreadMessageId"] = Text,
        ["communicationEvent"] = Text, ["communicationTimeDelta"] = Number,
        ["communicationApplyListingTimeZone"] = Number, ["communicationAlwaysTrigger"] = Number,
    };

    public static ObjectContract Listing() => new()
    {
        Name = "listing",
        Sample = Samples.Load("listing-single.json"),
        Extras = DocumentedExtras.Listing,
        SampleNullKinds = new Dictionary<string, JsonValueKind>
        {
            ["maxChildrenAllowed"] = Number, ["maxInfantsAllowed"] = Number, ["maxPetsAllowed"] = Number,
            ["specialStatus"] = Text, ["cleannessStatus"] = Text, ["cleaningInstruction"] = Text,
            ["cleannessStatusUpdatedOn"] = Text, ["propertyLicenseNumber"] = Text, ["propertyLicenseType"] = Text,
            ["propertyLicenseIssueDate"] = Text, ["propertyLicenseExpirationDate"] = Text,
            ["partnersListingMarkup"] = Number, ["airbnbOfficialListingMarkup"] = Number, ["bookingEngineMarkup"] = Number,
            ["homeawayApiMarkup"] = Number, ["marriottListingMarkup"] = Number, ["airbnbSpace"] = Text,
            ["airbnbAccess"] = Text, ["airbnbInteraction"] = Text, ["airbnbNeighborhoodOverview"] = Text,
            ["airbnbTransit"] = Text, ["airbnbNotes"] = Text,
        },
        // Listings not on a channel have no URL there; the agreement text exists only when agreements are active.
        MayBeNull = new HashSet<string> { "listingAgreementText", "airbnbListingUrl", "vrboListingUrl", "googleVrListingUrl" }.Contains,
    };

    public static ObjectContract ListingImage() => new()
    {
        Name = "listing image",
        Sample = Samples.Load("listing-image.json"),
        Extras = DocumentedExtras.ListingImage,
        // The listing sample's own images omit the channel captions entirely: they are optional per channel.
        MayBeNull = new HashSet<string> { "vrboCaption", "airbnbCaption" }.Contains,
    };

    public static ObjectContract Amenity() => new()
    {
        Name = "listing amenity", Sample = Samples.Load("listing-amenity.json"), Extras = DocumentedExtras.ListingAmenity, MayBeNull = None.Contains,
    };

    public static ObjectContract BedType() => new()
    {
        Name = "listing bed type", Sample = Samples.Load("listing-bed-type.json"), Extras = DocumentedExtras.ListingBedType, MayBeNull = None.Contains,
    };

    public static ObjectContract CustomFieldValue() => new()
    {
        Name = "custom field value",
        Sample = Samples.Load("listing-single.json")["customFieldValues"]![0]!.AsObject(),
        MayBeNull = None.Contains,
    };

    /// <summary>The full reservation: the reservation sample plus the list fragment's keys plus documented extras.</summary>
    public static ObjectContract Reservation()
    {
        var sample = Samples.Load("reservation-single.json");
        foreach (var (key, value) in Samples.Load("reservations-list-without-includeResources-fragment.json"))
        {
            if (!sample.ContainsKey(key))
            {
                sample[key] = value?.DeepClone();
            }
        }

        return new ObjectContract
        {
            Name = "reservation",
            Sample = sample,
            Extras = DocumentedExtras.Reservation,
            SampleNullKinds = ReservationNullKinds,
            KindOverrides = ReservationOverrides,
            MayBeNull = key => !ReservationNeverNull.Contains(key),
        };
    }

    /// <summary>The reservation embedded in a conversation: exactly the embedded sample's keys.</summary>
    public static ObjectContract EmbeddedReservation() => new()
    {
        Name = "embedded reservation",
        Sample = Samples.Load("conversation-single.json")["Reservation"]!.AsObject(),
        SampleNullKinds = ReservationNullKinds,
        MayBeNull = key => !ReservationNeverNull.Contains(key),
    };

    public static ObjectContract ReservationFee() => new()
    {
        Name = "reservation fee", Sample = Samples.Load("reservation-fee.json"), MayBeNull = new HashSet<string> { "percentage" }.Contains,
    };

    public static ObjectContract ReservationUnit() => new()
    {
        Name = "reservation unit",
        Sample = Samples.Load("reservation-unit.json"),
        MayBeNull = new HashSet<string> { "guestName", "guestFirstName", "guestLastName" }.Contains,
    };

    public static ObjectContract FinanceField() => new()
    {
        Name = "finance field",
        Sample = Samples.Load("reservation-single.json")["financeField"]![0]!.AsObject(),
        SampleNullKinds = new Dictionary<string, JsonValueKind> { ["listingFeeSettingId"] = Number, ["alias"] = Text, ["isMandatory"] = Number },
        MayBeNull = None.Contains,
    };

    public static ObjectContract CancellationPolicyDetails() => new()
    {
        Name = "cancellationPolicyDetails", Sample = Samples.Load("reservation-single.json")["cancellationPolicyDetails"]!.AsObject(), MayBeNull = None.Contains,
    };

    public static ObjectContract CancellationPolicyItem() => new()
    {
        Name = "cancellationPolicyItem",
        Sample = Samples.Load("reservation-single.json")["cancellationPolicyDetails"]!["cancellationPolicyItem"]![0]!.AsObject(),
        MayBeNull = None.Contains,
    };

    public static ObjectContract BookingcomSpecialRequests() => new()
    {
        Name = "bookingcomSpecialRequests",
        Sample = Samples.Load("reservation-single.json")["bookingcomSpecialRequests"]!.AsObject(),
        MayBeNull = new HashSet<string> { "remarks" }.Contains,
    };

    public static ObjectContract Conversation() => new()
    {
        Name = "conversation",
        Sample = Samples.Load("conversation-single.json"),
        SampleNullKinds = new Dictionary<string, JsonValueKind> { ["recipientPicture"] = Text, ["messageReceivedOn"] = Text },
        // Airbnb hides guest e-mails (README §5); a thread without host messages has no messageSentOn;
        // Reservation is null without includeResources.
        MayBeNull = new HashSet<string> { "recipientEmail", "recipientName", "messageSentOn", "Reservation" }.Contains,
    };

    /// <summary>The message object: message sample plus documented extras.</summary>
    public static ObjectContract Message() => new()
    {
        Name = "message",
        Sample = Samples.Load("conversation-message.json"),
        Extras = DocumentedExtras.Message,
        SampleNullKinds = MessageNullKinds,
        // Incoming messages are not "sent to a channel"; real data has attachments: null (README §8).
        MayBeNull = new HashSet<string> { "sentChannelDate", "attachments" }.Contains,
    };

    public static ObjectContract Attachment() => new()
    {
        Name = "attachment",
        Sample = Samples.Load("conversation-message.json")["attachments"]![0]!.AsObject(),
        SampleNullKinds = new Dictionary<string, JsonValueKind>
        {
            ["listingMapId"] = Number, ["taskId"] = Number, ["communicationId"] = Number, ["isImage"] = Number,
        },
        MayBeNull = None.Contains,
    };

    public static void AssertNoErrors(List<string> errors) =>
        Assert.True(errors.Count == 0, $"{errors.Count} contract differences:\n" + string.Join("\n", errors.Distinct().Take(40)));
}
