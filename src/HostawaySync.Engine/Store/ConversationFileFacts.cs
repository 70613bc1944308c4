namespace HostawaySync.Engine.Store;

/// <summary>A conversation with what its file header shows: its reservation, listing and guest, and the file it already has.</summary>
internal sealed class ConversationFileFacts
{
    public long ConversationId { get; set; }

    public long? ReservationId { get; set; }

    public long? ListingId { get; set; }

    public string? ListingName { get; set; }

    public string? GuestName { get; set; }

    public string? GuestEmail { get; set; }

    public string? Channel { get; set; }

    public string? ArrivalDate { get; set; }

    public string? DepartureDate { get; set; }

    public string? FilePath { get; set; }
}
