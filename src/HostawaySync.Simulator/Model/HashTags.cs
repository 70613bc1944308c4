namespace HostawaySync.Simulator.Model;

/// <summary>Distinct tags so that derivations for different purposes never share a random stream.</summary>
internal static class HashTags
{
    public const long Listing = 1;
    public const long ListingContent = 2;
    public const long Reservation = 3;
    public const long ReservationVersion = 4;
    public const long Guest = 5;
    public const long Conversation = 6;
    public const long Message = 7;
    public const long MessageBody = 8;
    public const long Generation = 9;
    public const long Mutation = 10;
    public const long Fault = 11;
    public const long Token = 12;
    public const long Review = 13;
}
