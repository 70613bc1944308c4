namespace HostawaySync.Engine.Queries;

/// <summary>A message that matched a search: where it ranks, its metadata, and a snippet of its text around the match.</summary>
public sealed class MessageSearchRecord
{
    /// <summary>1-based position in the results (best first).</summary>
    public int Rank { get; init; }

    /// <summary>Relevance: FTS5's bm25() with its sign flipped, so higher is better. Comparable within one query only.</summary>
    public double Score { get; init; }

    /// <summary>Message id (negative for messages indexed from files of earlier tools).</summary>
    public long MessageId { get; init; }

    /// <summary>Conversation.</summary>
    public long? ConversationId { get; init; }

    /// <summary>Reservation.</summary>
    public long? ReservationId { get; init; }

    /// <summary>Listing.</summary>
    public long? ListingId { get; init; }

    /// <summary>The listing's name.</summary>
    public string? ListingName { get; init; }

    /// <summary>The guest's name (from the reservation, else the conversation).</summary>
    public string? GuestName { get; init; }

    /// <summary>guest or host.</summary>
    public string Direction { get; init; } = string.Empty;

    /// <summary>When it was sent (UTC).</summary>
    public DateTime? SentAt { get; init; }

    /// <summary>About a dozen words around the match on one line, matched words in [brackets], … where the text was cut; null when the file no longer has the message.</summary>
    public string? Snippet { get; init; }

    /// <summary>The whole text, when asked for; null otherwise or when the file no longer has the message.</summary>
    public string? Text { get; init; }

    /// <summary>The conversation file, relative to the conversations folder.</summary>
    public string? FilePath { get; init; }
}
