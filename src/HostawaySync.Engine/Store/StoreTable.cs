namespace HostawaySync.Engine.Store;

/// <summary>A soft-deletable table and its key: the only identifiers ever placed in SQL text, and all of them constants.</summary>
internal sealed record StoreTable(string Name, string IdColumn)
{
    public static readonly StoreTable Listings = new("listings", "listing_id");

    public static readonly StoreTable Reservations = new("reservations", "reservation_id");

    public static readonly StoreTable Conversations = new("conversations", "conversation_id");

    public static readonly StoreTable Reviews = new("reviews", "review_id");
}
