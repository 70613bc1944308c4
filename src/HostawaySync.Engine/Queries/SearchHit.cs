namespace HostawaySync.Engine.Queries;

/// <summary>A message that matched a search, as the store returns it: metadata and score, before its text is read.</summary>
internal sealed class SearchHit
{
    public long MessageId { get; set; }

    public long? ConversationId { get; set; }

    public long? ReservationId { get; set; }

    public long? ListingId { get; set; }

    public string? ListingName { get; set; }

    public string? GuestName { get; set; }

    public string Direction { get; set; } = string.Empty;

    /// <summary>Store time text.</summary>
    public string? SentAt { get; set; }

    public string? FilePath { get; set; }

    public int? FilePosition { get; set; }

    /// <summary>bm25 with its sign flipped: higher is better.</summary>
    public double Score { get; set; }
}
