using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Generation;

/// <summary>Creates listings and draws their stored fields; the rest is derived when a listing is served.</summary>
internal static class ListingFactory
{
    /// <summary>Creates a listing.</summary>
    public static ListingState Create(DatasetContext context, long id, int serial, int order, DateTime insertedOn, bool forceHostile)
    {
        var rng = new DetRandom(context.Hash(HashTags.Generation, id, 1));
        var maxImages = context.Dataset.MaxImagesPerListing;
        var images = rng.Next(0, maxImages + 1);
        if (forceHostile)
        {
            // The forced hostile listing also carries hostile image captions, so it needs images.
            images = Math.Max(images, Math.Min(2, maxImages));
        }

        return new ListingState
        {
            Id = id,
            Serial = serial,
            Order = order,
            Name = DrawName(context, rng, forceHostile),
            CityIndex = rng.Next(Catalog.Cities.Length),
            ContactName = rng.Pick(Catalog.FirstNames),
            InsertedOn = insertedOn,
            LatestActivityOn = insertedOn,
            NextImageSlot = images,
        };
    }

    /// <summary>A listing name; a share of them (and every forced one) hostile.</summary>
    public static string DrawName(DatasetContext context, DetRandom rng, bool forceHostile)
    {
        if (forceHostile || rng.Chance(context.Dataset.HostileShare))
        {
            return HostileStrings.Pick(rng.NextUInt64());
        }

        var name = $"{rng.Pick(Catalog.ListingAdjectives)} {rng.Pick(Catalog.ListingNouns)} {rng.Pick(Catalog.ListingPlaces)}";
        return rng.Chance(0.3) ? $"{name} #{rng.Next(1, 40)}" : name;
    }
}
