namespace HostawaySync.Engine.Store;

/// <summary>One live stay of a guest, as the guest refreshers read it (PostgreSQL's reads city, country and locale with it; SQLite's reads them for the latest stay only).</summary>
internal sealed class GuestStay
{
    public long GuestId { get; set; }

    public long ReservationId { get; set; }

    public string? ArrivalDate { get; set; }

    public string? FullName { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? External { get; set; }

    public string? City { get; set; }

    public string? Country { get; set; }

    public string? Locale { get; set; }
}
