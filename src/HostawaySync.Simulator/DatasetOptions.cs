namespace HostawaySync.Simulator;

/// <summary>
/// Size and shape of the generated account. The same options and seed always give the same data, byte for byte.
/// </summary>
/// <param name="Listings">Number of listings.</param>
/// <param name="Reservations">Number of reservations.</param>
/// <param name="AverageMessagesPerConversation">Mean number of messages (all statuses) per conversation.</param>
public sealed record DatasetOptions(int Listings, int Reservations, int AverageMessagesPerConversation)
{
    /// <summary>About 3 listings and 20 reservations: enough for every pattern (hostile strings, repeat guests).</summary>
    public static DatasetOptions Tiny { get; } = new(3, 20, 4);

    /// <summary>About 20 listings, 300 reservations, 6 messages per conversation.</summary>
    public static DatasetOptions Small { get; } = new(20, 300, 6);

    /// <summary>About 200 listings and 10,000 reservations.</summary>
    public static DatasetOptions Medium { get; } = new(200, 10_000, 6);

    /// <summary>2,000 listings, 200,000 reservations and a little over 2,000,000 messages.</summary>
    public static DatasetOptions Large { get; } = new(2_000, 200_000, 11);

    /// <summary>Share (0 to 1) of objects whose free-text fields carry hostile strings; a few always do.</summary>
    public double HostileShare { get; init; } = 0.03;

    /// <summary>Share (0 to 1) of reservations made by a guest who booked before.</summary>
    public double RepeatGuestShare { get; init; } = 0.3;

    /// <summary>Most images a listing has (the real maximum shown to guests is higher; 30 keeps pages small).</summary>
    public int MaxImagesPerListing { get; init; } = 30;

    /// <summary>How many conversations get <see cref="LongConversationMessages"/> messages, so message paging is exercised.</summary>
    public int LongConversations { get; init; } = 1;

    /// <summary>Message count of each long conversation.</summary>
    public int LongConversationMessages { get; init; } = 240;

    /// <summary>The simulated "now" when the account is generated; every generated timestamp is at or before it,
    /// except scheduled messages and future stays.</summary>
    public DateTime ClockStart { get; init; } = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Throws when a value is out of range.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Listings, nameof(Listings));
        ArgumentOutOfRangeException.ThrowIfNegative(Reservations, nameof(Reservations));
        ArgumentOutOfRangeException.ThrowIfNegative(AverageMessagesPerConversation, nameof(AverageMessagesPerConversation));
        ArgumentOutOfRangeException.ThrowIfNegative(LongConversations, nameof(LongConversations));
        ArgumentOutOfRangeException.ThrowIfNegative(LongConversationMessages, nameof(LongConversationMessages));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxImagesPerListing, 60, nameof(MaxImagesPerListing));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxImagesPerListing, nameof(MaxImagesPerListing));
        if (Reservations > 0 && Listings == 0)
        {
            throw new ArgumentException("Reservations need at least one listing.", nameof(Listings));
        }

        if (HostileShare is < 0 or > 1 || RepeatGuestShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(HostileShare), "Shares must be between 0 and 1.");
        }
    }
}
