using System.Text.Json;
using HostawaySync.Engine.Api.Json;

namespace HostawaySync.Engine.Api.Models;

/// <summary>A reservation as the API sent it: the fields users filter or join on, typed, plus the raw JSON.</summary>
public sealed class HostawayReservation
{
    /// <summary>Hostaway reservation id (<c>id</c>, also <c>hostawayReservationId</c>).</summary>
    public required long Id { get; init; }

    /// <summary>The listing (<c>listingMapId</c>).</summary>
    public long? ListingId { get; init; }

    /// <summary>Channel id (2000 direct, 2018 Airbnb, ...).</summary>
    public int? ChannelId { get; init; }

    /// <summary>Channel name.</summary>
    public string? ChannelName { get; init; }

    /// <summary>Source.</summary>
    public string? Source { get; init; }

    /// <summary>The channel's own reservation id (the API's <c>reservationId</c>, a string).</summary>
    public string? ChannelReservationId { get; init; }

    /// <summary>Confirmation code.</summary>
    public string? ConfirmationCode { get; init; }

    /// <summary>Status (new, modified, cancelled, inquiry, ...).</summary>
    public string? Status { get; init; }

    /// <summary>Arrival date.</summary>
    public DateOnly? ArrivalDate { get; init; }

    /// <summary>Departure date.</summary>
    public DateOnly? DepartureDate { get; init; }

    /// <summary>Nights.</summary>
    public int? Nights { get; init; }

    /// <summary>Guests in total.</summary>
    public int? NumberOfGuests { get; init; }

    /// <summary>Adults.</summary>
    public int? Adults { get; init; }

    /// <summary>Children.</summary>
    public int? Children { get; init; }

    /// <summary>Infants.</summary>
    public int? Infants { get; init; }

    /// <summary>Pets.</summary>
    public int? Pets { get; init; }

    /// <summary>Total price.</summary>
    public decimal? TotalPrice { get; init; }

    /// <summary>Currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Paid flag (often null).</summary>
    public bool? IsPaid { get; init; }

    /// <summary>Guest full name.</summary>
    public string? GuestName { get; init; }

    /// <summary>Guest first name.</summary>
    public string? GuestFirstName { get; init; }

    /// <summary>Guest last name.</summary>
    public string? GuestLastName { get; init; }

    /// <summary>Guest email as sent (may differ in case and spaces between reservations of one guest).</summary>
    public string? GuestEmail { get; init; }

    /// <summary>Guest phone.</summary>
    public string? Phone { get; init; }

    /// <summary>The channel's guest account id (a string).</summary>
    public string? GuestExternalAccountId { get; init; }

    /// <summary>Guest city.</summary>
    public string? GuestCity { get; init; }

    /// <summary>Guest country.</summary>
    public string? GuestCountry { get; init; }

    /// <summary>Guest locale.</summary>
    public string? GuestLocale { get; init; }

    /// <summary>When the guest booked (UTC).</summary>
    public DateTime? ReservationDate { get; init; }

    /// <summary>When it was cancelled (UTC).</summary>
    public DateTime? CancellationDate { get; init; }

    /// <summary>guest or host.</summary>
    public string? CancelledBy { get; init; }

    /// <summary>Created in Hostaway (UTC).</summary>
    public DateTime? InsertedOn { get; init; }

    /// <summary>Last modification (UTC); the API's default sort key.</summary>
    public DateTime? UpdatedOn { get; init; }

    /// <summary>Last activity, messages included (UTC).</summary>
    public DateTime? LatestActivityOn { get; init; }

    /// <summary>The object exactly as the API sent it.</summary>
    public required string RawJson { get; init; }

    /// <summary>guestCity, guestCountry and guestLocale as SQLite's json_extract gives them, or null when that needs SQLite (the store's guest refresh).</summary>
    internal object?[]? GuestPlace { get; init; }

    internal static HostawayReservation FromJson(JsonElement json) => new()
    {
        Id = RowId.Read(json, "A reservation", "id", "hostawayReservationId"),
        ListingId = json.Int64("listingMapId"),
        ChannelId = json.Int32("channelId"),
        ChannelName = json.String("channelName"),
        Source = json.String("source"),
        ChannelReservationId = json.String("reservationId") ?? json.String("channelReservationId"),
        ConfirmationCode = json.String("confirmationCode"),
        Status = json.String("status"),
        ArrivalDate = json.Date("arrivalDate"),
        DepartureDate = json.Date("departureDate"),
        Nights = json.Int32("nights"),
        NumberOfGuests = json.Int32("numberOfGuests"),
        Adults = json.Int32("adults"),
        Children = json.Int32("children"),
        Infants = json.Int32("infants"),
        Pets = json.Int32("pets"),
        TotalPrice = json.Decimal("totalPrice"),
        Currency = json.String("currency"),
        IsPaid = json.Boolean("isPaid"),
        GuestName = json.String("guestName"),
        GuestFirstName = json.String("guestFirstName"),
        GuestLastName = json.String("guestLastName"),
        GuestEmail = json.String("guestEmail"),
        Phone = json.String("phone"),
        GuestExternalAccountId = json.NonEmpty("guestExternalAccountId"),
        GuestCity = json.String("guestCity"),
        GuestCountry = json.String("guestCountry"),
        GuestLocale = json.String("guestLocale"),
        ReservationDate = json.Timestamp("reservationDate"),
        CancellationDate = json.Timestamp("cancellationDate"),
        CancelledBy = json.String("cancelledBy"),
        InsertedOn = json.Timestamp("insertedOn"),
        UpdatedOn = json.Timestamp("updatedOn"),
        LatestActivityOn = json.Timestamp("latestActivityOn"),
        RawJson = json.GetRawText(),
        GuestPlace = SqlJsonScalar.TryAll(json, "guestCity", "guestCountry", "guestLocale"),
    };
}
