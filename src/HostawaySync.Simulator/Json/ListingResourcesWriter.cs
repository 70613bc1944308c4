using System.Text.Json;
using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Json;

/// <summary>
/// The listing's resource arrays. Real responses were seen carrying images and amenities without
/// includeResources, but the docs say to send it: the simulator takes the strict reading and serves them only
/// with includeResources=1, so a client that forgets the flag loses them visibly.
/// </summary>
internal static class ListingResourcesWriter
{
    /// <summary>Writes listingAmenities, listingBedTypes, listingImages and customFieldValues.</summary>
    public static void Write(Utf8JsonWriter w, DatasetContext context, ListingState listing, bool includeResources)
    {
        if (!includeResources)
        {
            w.EmptyArray("listingAmenities");
            w.EmptyArray("listingBedTypes");
            w.EmptyArray("listingImages");
            w.EmptyArray("customFieldValues");
            return;
        }

        var rng = new DetRandom(context.Hash(HashTags.ListingContent, listing.Id, -1L - listing.Version));
        var blockBase = 1_000_000L + (listing.Serial * 4096L);

        w.WriteStartArray("listingAmenities");
        var amenityCount = 5 + rng.Next(Catalog.Amenities.Length - 5);
        var offset = rng.Next(Catalog.Amenities.Length);
        for (var k = 0; k < amenityCount; k++)
        {
            var (amenityId, amenityName) = Catalog.Amenities[(offset + k) % Catalog.Amenities.Length];
            w.WriteStartObject();
            w.WriteNumber("id", blockBase + amenityId);
            w.WriteNumber("amenityId", amenityId);
            w.WriteString("amenityName", amenityName);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("listingBedTypes");
        var beds = 1 + rng.Next(3);
        for (var k = 0; k < beds; k++)
        {
            w.WriteStartObject();
            w.WriteNumber("id", blockBase + 100 + k);
            w.WriteNumber("bedTypeId", 1 + rng.Next(40));
            w.WriteNumber("quantity", 1 + rng.Next(2));
            w.WriteNumber("bedroomNumber", k + 1);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteImages(w, context, listing, rng);

        w.WriteStartArray("customFieldValues");
        var fields = rng.Next(Catalog.CustomFieldIds.Length + 1);
        for (var k = 0; k < fields; k++)
        {
            w.WriteStartObject();
            w.WriteNumber("customFieldId", Catalog.CustomFieldIds[k]);
            w.WriteString("value", rng.Chance(context.Dataset.HostileShare) ? HostileStrings.Pick(rng.NextUInt64()) : $"Value {rng.Next(100)}");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteImages(Utf8JsonWriter w, DatasetContext context, ListingState listing, DetRandom rng)
    {
        // A content edit may reverse the display order; ids stay with their images.
        var reversed = listing.Version % 2 == 1;
        var hostileListing = listing.Serial == 0;
        w.WriteStartArray("listingImages");
        for (var n = 0; n < listing.ImageCount; n++)
        {
            var slot = reversed ? listing.NextImageSlot - 1 - n : listing.FirstImageSlot + n;
            var imageRng = new DetRandom(context.Hash(HashTags.ListingContent, listing.Id, 10_000 + slot));
            var caption = (hostileListing && n < 2) || rng.Chance(context.Dataset.HostileShare)
                ? HostileStrings.Pick(imageRng.NextUInt64())
                : imageRng.Pick(Catalog.ImageCaptions);
            w.WriteStartObject();
            w.WriteNumber("id", 100_000L + (listing.Serial * 4096L) + slot);
            w.WriteString("caption", caption);
            w.StringOrNull("vrboCaption", imageRng.Chance(0.7) ? caption : null);
            w.StringOrNull("airbnbCaption", imageRng.Chance(0.7) ? caption : null);
            w.StringOrNull("bookingEngineCaption", imageRng.Chance(0.5) ? caption : null);
            w.WriteString("url", $"https://hostaway-platform.s3.us-west-2.amazonaws.com/listing/{context.AccountId}-{listing.Id}-{imageRng.Hex(24)}");
            w.WriteNumber("sortOrder", n + 1);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
