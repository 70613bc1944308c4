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

    /// <summary>SHA-256 of the file as last written (reconcile candidates only).</summary>
    public string? FileSha256 { get; set; }

    /// <summary>Size of the file as last written (reconcile candidates only).</summary>
    public long? FileBytes { get; set; }

    /// <summary>The mark of the header facts the file was last written from (reconcile candidates only).</summary>
    public string? HeaderMark { get; set; }

    /// <summary>Whether the list entry changed since the messages were stored, or they never were (reconcile candidates only).</summary>
    public bool MessagesChanged { get; set; }
}
