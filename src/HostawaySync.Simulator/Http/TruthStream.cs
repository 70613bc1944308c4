using System.Text.Json;
using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Json;
using HostawaySync.Simulator.Model;
using Microsoft.AspNetCore.Http;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// Streams ground truth as a JSON array, flushing as it goes, so even the Large data set never sits in memory
/// as one document. <c>resource=messages</c> lists every message (all statuses) of every live conversation,
/// grouped by conversation id; <c>resource=reviews</c> lists live reviews by id; <c>resource=deleted</c> gives the
/// deleted listing, reservation and review ids.
/// </summary>
internal static class TruthStream
{
    private const int FlushEvery = 200;

    /// <summary>Writes the requested resource.</summary>
    public static async Task WriteAsync(AccountSnapshot snapshot, HttpContext http, string resource)
    {
        if (resource is not ("listings" or "reservations" or "conversations" or "messages" or "reviews" or "deleted"))
        {
            throw new ArgumentException("resource must be listings, reservations, conversations, messages, reviews or deleted.");
        }

        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        var cancellationToken = http.RequestAborted;
        await using var writer = new Utf8JsonWriter(http.Response.Body);
        var written = 0;

        async ValueTask ItemDone()
        {
            if (++written % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        if (resource == "deleted")
        {
            writer.WriteStartObject();
            WriteIds(writer, "deletedListingIds", snapshot.DeletedListingIds);
            WriteIds(writer, "deletedReservationIds", snapshot.DeletedReservationIds);
            WriteIds(writer, "deletedReviewIds", snapshot.DeletedReviewIds);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken);
            return;
        }

        writer.WriteStartArray();
        switch (resource)
        {
            case "listings":
                foreach (var listing in snapshot.Listings)
                {
                    GroundTruthBuilder.WriteListing(writer, snapshot, listing);
                    await ItemDone();
                }

                break;
            case "reservations":
                foreach (var reservation in snapshot.Reservations)
                {
                    GroundTruthBuilder.WriteReservation(writer, snapshot, reservation);
                    await ItemDone();
                }

                break;
            case "conversations":
                foreach (var conversation in snapshot.Conversations)
                {
                    GroundTruthBuilder.WriteConversation(writer, snapshot, conversation);
                    await ItemDone();
                }

                break;
            case "reviews":
                foreach (var review in snapshot.Reviews)
                {
                    ReviewWriter.Write(writer, snapshot, review);
                    await ItemDone();
                }

                break;
            default:
                foreach (var conversation in snapshot.Conversations)
                {
                    foreach (var message in MessageSynthesizer.Ordered(snapshot.Context, conversation, includeScheduled: true))
                    {
                        MessageWriter.Write(writer, snapshot, conversation, message);
                        await ItemDone();
                    }
                }

                break;
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }

    private static void WriteIds(Utf8JsonWriter writer, string name, IReadOnlyList<long> ids)
    {
        writer.WriteStartArray(name);
        foreach (var id in ids)
        {
            writer.WriteNumberValue(id);
        }

        writer.WriteEndArray();
    }
}
