namespace HostawaySync.Simulator.Generation;

/// <summary>A booking channel and how much of the guest it reveals.</summary>
/// <param name="Id">channelId.</param>
/// <param name="Name">channelName.</param>
/// <param name="Source">The <c>source</c> value this channel's reservations carry.</param>
/// <param name="Weight">Relative share of reservations.</param>
/// <param name="EmailShare">Share of its reservations that show the guest's e-mail.</param>
/// <param name="ShowsExternalId">Whether it sends a guest account id.</param>
/// <param name="ShowsName">Whether it sends the guest's name (iCal feeds usually do not).</param>
internal sealed record ChannelInfo(
    int Id,
    string Name,
    string Source,
    double Weight,
    double EmailShare,
    bool ShowsExternalId,
    bool ShowsName)
{
    /// <summary>Airbnb-like channels: guest account ids, rarely an e-mail.</summary>
    public bool IsAirbnb => Id is 2001 or 2018;

    /// <summary>iCal imports: no guest identity at all.</summary>
    public bool IsIcal => Id is 2009 or 2010 or 2015 or 2016;
}
