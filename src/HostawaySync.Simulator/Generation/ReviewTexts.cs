using System.Collections.Immutable;

namespace HostawaySync.Simulator.Generation;

/// <summary>Review texts by tone, private feedback, host answers, and the hostile tail for hostile reviews.</summary>
internal static class ReviewTexts
{
    /// <summary>Appended to a hostile name in hostile reviews: quotes, line breaks, emoji, right-to-left text and SQL.</summary>
    public const string HostileTail = "She said \"perfect\" and 'spotless'\r\nSecond line\twith a tab 🏖️👨‍👩‍👧\nשהות נהדרת — إقامة رائعة\n'); DELETE FROM reviews; --";

    /// <summary>Texts for ratings of 9 and 10.</summary>
    public static readonly ImmutableArray<string> Positive = ImmutableArray.Create(
        "Wonderful stay, the place was spotless and exactly as described.",
        "Great location and a very responsive host. We would come back any time.",
        "Everything was perfect from check-in to check-out.",
        "Lovely apartment, comfortable beds and a well equipped kitchen.",
        "A great guest: clean, respectful and communicative. Welcome back any time.");

    /// <summary>Texts for ratings of 6 to 8.</summary>
    public static readonly ImmutableArray<string> Mixed = ImmutableArray.Create(
        "Good value overall, although the street was noisy at night.",
        "Nice place, but check-in instructions could be clearer.",
        "Comfortable stay; the wifi was slow and the shower lukewarm.");

    /// <summary>Texts for ratings below 6.</summary>
    public static readonly ImmutableArray<string> Negative = ImmutableArray.Create(
        "The apartment was not clean when we arrived and the host took a day to answer.",
        "Photos are misleading. Broken heating and a strong smell in the bedroom.",
        "Would not recommend: the listing did not match the description.");

    /// <summary>Private feedback.</summary>
    public static readonly ImmutableArray<string> Private = ImmutableArray.Create(
        "The coffee machine needs descaling.",
        "One of the bedside lamps is broken.",
        "Thanks for the welcome basket!",
        "Please remind guests about the recycling rules.");

    /// <summary>Host answers to guest reviews.</summary>
    public static readonly ImmutableArray<string> Responses = ImmutableArray.Create(
        "Thank you for your kind words, we hope to welcome you again!",
        "Thanks for the feedback, we have fixed the issues you mentioned.",
        "We are sorry about the noise and have added better window seals since.",
        "It was a pleasure hosting you.");

    /// <summary>A public text matching the rating's tone.</summary>
    public static string ForRating(int rating, ulong hash)
    {
        var texts = rating >= 9 ? Positive : rating >= 6 ? Mixed : Negative;
        return texts[(int)(hash % (ulong)texts.Length)];
    }
}
