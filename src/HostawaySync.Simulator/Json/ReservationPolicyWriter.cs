using System.Text.Json;

namespace HostawaySync.Simulator.Json;

/// <summary>
/// Cancellation-policy fields: always on the single endpoint, on the list only with includeCancellationPolicy=1
/// (otherwise the keys are present with null values, like other fields a view leaves out).
/// </summary>
internal static class ReservationPolicyWriter
{
    private static readonly string[] Policies = ["flexible", "moderate", "strict", "super_strict_30"];

    /// <summary>Writes airbnbCancellationPolicy, cancellationPolicyId ... cancellationPolicyDetails.</summary>
    public static void Write(Utf8JsonWriter w, ReservationFacts facts, bool include)
    {
        var rng = new Util.DetRandom(facts.Context.Hash(Model.HashTags.Reservation, facts.Reservation.Id, 77));
        var policy = rng.Pick(Policies);
        var channel = facts.Channel.Id;
        w.StringOrNull("airbnbCancellationPolicy", include && facts.Channel.IsAirbnb ? policy : null);
        w.NumberOrNull("cancellationPolicyId", include ? 1 + rng.Next(20) : null);
        w.StringOrNull("cancellationPolicy", include ? policy : null);
        w.StringOrNull("bookingCancellationPolicy", include && channel == 2005 ? "non_refundable" : null);
        w.StringOrNull("vrboCancellationPolicy", include && channel == 2002 ? "relaxed" : null);
        w.StringOrNull("marriottCancellationPolicy", include && channel == 2019 ? "standard" : null);
        if (!include)
        {
            w.WriteNull("cancellationPolicyDetails");
            return;
        }

        w.WriteStartObject("cancellationPolicyDetails");
        w.WriteString("name", char.ToUpperInvariant(policy[0]) + policy[1..]);
        w.WriteNumber("channelId", channel);
        w.WriteString("channelSpecificCode", policy);
        w.WriteBoolean("longTerm", facts.Reservation.Nights >= 28);
        w.WriteStartArray("cancellationPolicyItem");
        var items = 1 + rng.Next(2);
        for (var i = 0; i < items; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("refundAmount", i == 0 ? 100 : 50);
            w.WriteString("refundType", "percentage");
            w.WriteString("refundField", "totalPrice");
            w.WriteNumber("timeDelta", -(i + 1) * 604_800 * (1 + rng.Next(2)));
            w.WriteString("event", "arrival");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
