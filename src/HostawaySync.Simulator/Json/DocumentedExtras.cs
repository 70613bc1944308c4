using System.Collections.Immutable;
using System.Text.Json;

namespace HostawaySync.Simulator.Json;

/// <summary>
/// The one allow-list of keys the simulator serves beyond the docs' sample objects, each documented in
/// ../shared/hostaway-api/README.md. The contract tests accept exactly the sample keys plus these.
/// </summary>
internal static class DocumentedExtras
{
    /// <summary>Listing extras: real data has insertedOn; latestActivityOn is a documented listing field (README §6).</summary>
    public static readonly ImmutableArray<ExtraField> Listing = ImmutableArray.Create(
        new ExtraField("insertedOn", JsonValueKind.String, false, "README §5 undocumented extras, §6 modification time"),
        new ExtraField("latestActivityOn", JsonValueKind.String, false, "README §6 listing object key fields"));

    /// <summary>Listing image extras (README §6: real data also has bookingEngineCaption).</summary>
    public static readonly ImmutableArray<ExtraField> ListingImage = ImmutableArray.Create(
        new ExtraField("bookingEngineCaption", JsonValueKind.String, true, "README §6 images"));

    /// <summary>Amenity extras (README §6: real data adds amenityName).</summary>
    public static readonly ImmutableArray<ExtraField> ListingAmenity = ImmutableArray.Create(
        new ExtraField("amenityName", JsonValueKind.String, false, "README §6 amenities"));

    /// <summary>Bed type extras (README §6: real data adds bedroomNumber).</summary>
    public static readonly ImmutableArray<ExtraField> ListingBedType = ImmutableArray.Create(
        new ExtraField("bedroomNumber", JsonValueKind.Number, false, "README §6 bed types"));

    /// <summary>Reservation extras (README §5 undocumented extras, §7 modification time).</summary>
    public static readonly ImmutableArray<ExtraField> Reservation = ImmutableArray.Create(
        new ExtraField("listingName", JsonValueKind.String, true, "README §5 undocumented extras"),
        new ExtraField("paymentStatus", JsonValueKind.String, true, "README §5 undocumented extras"),
        new ExtraField("insertedOn", JsonValueKind.String, false, "README §7 modification time"),
        new ExtraField("updatedOn", JsonValueKind.String, false, "README §7 modification time"),
        new ExtraField("latestActivityOn", JsonValueKind.String, false, "README §7 core fields"));

    /// <summary>Message extras (README §8: real data uses sentToChannelDate and adds channelId, channelThreadMessageId, messageSource).</summary>
    public static readonly ImmutableArray<ExtraField> Message = ImmutableArray.Create(
        new ExtraField("channelThreadMessageId", JsonValueKind.String, true, "README §8 message object, §5 numeric strings"),
        new ExtraField("sentToChannelDate", JsonValueKind.String, true, "README §8 message object"),
        new ExtraField("channelId", JsonValueKind.Number, false, "README §8 message object"),
        new ExtraField("messageSource", JsonValueKind.String, false, "README §8 message object"));
}
