using System.Collections.Immutable;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Generation;

/// <summary>The documented channel table, plus the legacy 2001 <c>airbnb</c> the docs' own examples use.</summary>
internal static class Channels
{
    /// <summary>Every channel with its share of reservations (Airbnb dominates, as in real accounts).</summary>
    public static readonly ImmutableArray<ChannelInfo> All = ImmutableArray.Create(
        new ChannelInfo(2018, "airbnbOfficial", "airbnbOfficial", 42, 0.12, true, true),
        new ChannelInfo(2001, "airbnb", "airbnb", 3, 0.1, true, true),
        new ChannelInfo(2005, "bookingcom", "bookingcom", 15, 0.75, false, true),
        new ChannelInfo(2002, "homeaway", "homeawayApi", 10, 0.6, true, true),
        new ChannelInfo(2000, "direct", "reservation", 10, 0.95, false, true),
        new ChannelInfo(2013, "bookingengine", "bookingEngine", 6, 0.97, false, true),
        new ChannelInfo(2007, "expedia", "expedia", 2, 0.5, false, true),
        new ChannelInfo(2009, "homeawayical", "ical", 1, 0, false, false),
        new ChannelInfo(2010, "vrboical", "ical", 2, 0, false, false),
        new ChannelInfo(2015, "customIcal", "ical", 2, 0, false, false),
        new ChannelInfo(2016, "tripadvisorical", "ical", 0.5, 0, false, false),
        new ChannelInfo(2017, "wordpress", "wordpress", 0.5, 0.9, false, true),
        new ChannelInfo(2019, "marriott", "marriott", 1, 0.8, false, true),
        new ChannelInfo(2020, "partner", "partner", 1, 0.7, false, true),
        new ChannelInfo(2021, "gds", "gds", 0.5, 0.6, false, true),
        new ChannelInfo(2022, "google", "google", 0.5, 0.9, false, true));

    private static readonly double TotalWeight = All.Sum(c => c.Weight);

    /// <summary>The channel with the given id.</summary>
    public static ChannelInfo Get(int id)
    {
        foreach (var channel in All)
        {
            if (channel.Id == id)
            {
                return channel;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown channel.");
    }

    /// <summary>A channel drawn by weight.</summary>
    public static ChannelInfo Draw(DetRandom rng)
    {
        var x = rng.NextDouble() * TotalWeight;
        foreach (var channel in All)
        {
            x -= channel.Weight;
            if (x < 0)
            {
                return channel;
            }
        }

        return All[0];
    }
}
