using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Generation;

/// <summary>The documented reservation statuses, weighted roughly as real accounts show them.</summary>
internal static class ReservationStatuses
{
    public const string New = "new";
    public const string Modified = "modified";
    public const string Cancelled = "cancelled";

    private static readonly (string Status, int Weight)[] Weights =
    [
        (New, 460), (Modified, 230), (Cancelled, 120), ("inquiry", 40), ("inquiryPreapproved", 12),
        ("inquiryDenied", 10), ("inquiryTimedout", 10), ("inquiryNotPossible", 10), ("declined", 20),
        ("expired", 20), ("pending", 12), ("awaitingPayment", 10), ("ownerStay", 20), ("unconfirmed", 6),
        ("awaitingGuestVerification", 6), ("unknown", 4),
    ];

    private static readonly int TotalWeight = Weights.Sum(w => w.Weight);

    /// <summary>A status drawn by weight.</summary>
    public static string Draw(DetRandom rng)
    {
        var x = rng.Next(TotalWeight);
        foreach (var (status, weight) in Weights)
        {
            x -= weight;
            if (x < 0)
            {
                return status;
            }
        }

        return New;
    }

    /// <summary>Whether the status is an inquiry or a request that never became a booking.</summary>
    public static bool IsInquiry(string status) => status.StartsWith("inquiry", StringComparison.Ordinal);
}
