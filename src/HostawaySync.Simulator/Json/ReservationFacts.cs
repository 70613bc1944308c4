using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Json;

/// <summary>
/// The derived parts of one reservation, computed once per write: ids in the channel's own format, the guest's
/// address (stable per guest, so repeat bookings agree), and the random streams for the rest.
/// </summary>
internal sealed class ReservationFacts
{
    /// <summary>Derives the facts of a reservation.</summary>
    public ReservationFacts(AccountSnapshot snapshot, ReservationState reservation)
    {
        var context = snapshot.Context;
        Reservation = reservation;
        Context = context;
        Channel = Channels.Get(reservation.ChannelId);
        Listing = snapshot.FindListingForRendering(reservation.ListingId);
        City = Catalog.Cities[Listing?.CityIndex ?? 0];
        Fixed = new DetRandom(context.Hash(HashTags.Reservation, reservation.Id));
        Versioned = new DetRandom(context.Hash(HashTags.ReservationVersion, reservation.Id, reservation.Version));
        GuestRng = new DetRandom(context.Hash(HashTags.Guest, reservation.GuestId, 1));
        ChannelReservationId = DrawChannelReservationId(context, reservation, Fixed);
        ConfirmationCode = Channel.IsAirbnb ? ChannelReservationId.StartsWith("HM", StringComparison.Ordinal)
            ? ChannelReservationId : "HM" + Fixed.Code(8)
            : Channel.Id == 2005 ? ChannelReservationId : null;
        HostProxyEmail = $"c-{Fixed.Hex(32)}@host.hostaway.info";
        GuestProxyEmail = $"c-{Fixed.Hex(32)}@guest.hostaway.info";
        DoorCode = Fixed.Chance(0.6) ? Fixed.Digits(4 + Fixed.Next(3)) : null;
    }

    /// <summary>The stored reservation.</summary>
    public ReservationState Reservation { get; }

    /// <summary>Seed and options.</summary>
    public DatasetContext Context { get; }

    /// <summary>The booking channel.</summary>
    public ChannelInfo Channel { get; }

    /// <summary>The listing (possibly deleted: its reservations stay and keep showing its name).</summary>
    public ListingState? Listing { get; }

    /// <summary>The listing's city (currency, zone).</summary>
    public CityInfo City { get; }

    /// <summary>Values that never change for this reservation.</summary>
    public DetRandom Fixed { get; }

    /// <summary>Values an edit may change.</summary>
    public DetRandom Versioned { get; }

    /// <summary>Values that belong to the guest (address, phone), equal across a guest's bookings.</summary>
    public DetRandom GuestRng { get; }

    /// <summary>The channel's reservation id (reservationId and channelReservationId).</summary>
    public string ChannelReservationId { get; }

    /// <summary>The channel confirmation code, if the channel has one.</summary>
    public string? ConfirmationCode { get; }

    /// <summary>Hostaway's relay address for the host.</summary>
    public string HostProxyEmail { get; }

    /// <summary>Hostaway's relay address for the guest.</summary>
    public string GuestProxyEmail { get; }

    /// <summary>Door code, as a string of digits.</summary>
    public string? DoorCode { get; }

    /// <summary>Whether this reservation's free-text notes are hostile.</summary>
    public bool HostileNotes => StableHash.Unit(Context.Hash(HashTags.ReservationVersion, Reservation.Id, -7)) < Context.Dataset.HostileShare * 2;

    /// <summary>
    /// The channel's reservation id, drawn first from the reservation's fixed stream; reviews call it with a fresh
    /// stream to copy the id without rendering the reservation.
    /// </summary>
    public static string ChannelReservationIdOf(DatasetContext context, ReservationState reservation) =>
        DrawChannelReservationId(context, reservation, new DetRandom(context.Hash(HashTags.Reservation, reservation.Id)));

    private static string DrawChannelReservationId(DatasetContext context, ReservationState reservation, DetRandom fixedRng) =>
        reservation.ChannelId switch
        {
            2001 => $"{context.AccountId}-{reservation.ListingId}-thread{fixedRng.Digits(9)}-{fixedRng.Digits(10)}",
            2018 => "HM" + fixedRng.Code(8),
            2005 => fixedRng.Digits(10),
            2002 => "HA-" + fixedRng.Code(6),
            2009 or 2010 or 2015 or 2016 => $"{context.AccountId}-{reservation.ListingId}-ical-{fixedRng.Hex(12)}",
            _ => $"{context.AccountId}-{reservation.ListingId}-{reservation.ChannelId}-{fixedRng.Digits(10)}",
        };
}
