using System.Globalization;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>The generated data carries the patterns that break naive clients.</summary>
public sealed class DatasetPatternTests
{
    [Fact]
    public async Task Even_tiny_data_has_hostile_strings_in_names_and_messages()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Tiny);
        var truth = simulator.GetGroundTruth();
        Assert.Contains(truth.Listings, l => IsHostile(l["name"]!.GetValue<string>()));
        Assert.Contains(truth.Listings, l => l["listingImages"]!.AsArray().Any(i => IsHostile(i!["caption"]!.GetValue<string>())));
        Assert.True(truth.Reservations.Count(r => IsHostile(r["guestName"]?.GetValue<string>() ?? string.Empty)) >= 2);
        Assert.Contains(truth.MessagesByConversation.Values.SelectMany(m => m), m => IsHostile(m["body"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Small_data_has_every_kind_of_hostile_string()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Small);
        var truth = simulator.GetGroundTruth();
        var texts = truth.Listings.Select(l => l["name"]!.GetValue<string>())
            .Concat(truth.Reservations.SelectMany(r => new[] { r["guestName"], r["guestFirstName"], r["guestLastName"], r["hostNote"] }).Select(n => n?.GetValue<string>() ?? string.Empty))
            .Concat(truth.MessagesByConversation.Values.SelectMany(m => m).Select(m => m["body"]!.GetValue<string>()))
            .ToList();
        Assert.Contains(texts, t => t.Contains("../", StringComparison.Ordinal) || t.Contains("..\\", StringComparison.Ordinal));
        Assert.Contains(texts, t => t is "CON" or "NUL" or "COM1" or "aux.txt" or "LPT1.log");
        Assert.Contains(texts, t => t.Contains("DROP TABLE", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains('\u200D', StringComparison.Ordinal)); // emoji ZWJ sequence
        Assert.Contains(texts, t => t.Any(c => c is >= '\u0590' and <= '\u06FF')); // Hebrew or Arabic
        Assert.Contains(texts, t => t.Any(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark));
        Assert.Contains(texts, t => t.Contains('\t', StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Length > 300 && !t.Contains('\n', StringComparison.Ordinal));
        Assert.Contains(texts, t => t.EndsWith('.') || t.EndsWith(' '));
        Assert.DoesNotContain(texts, t => t.Contains('\0', StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("\r\n", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Length == 0);
    }

    [Fact]
    public async Task Guests_repeat_with_varying_emails_missing_emails_and_chains_linked_only_transitively()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Tiny);
        var rows = simulator.GetGroundTruth().Reservations;
        string? Email(JsonObject r) => r["guestEmail"]?.GetValue<string>();
        string? External(JsonObject r) => r["guestExternalAccountId"]?.GetValue<string>();

        // Same e-mail typed differently (case, surrounding spaces).
        var variants = rows.Where(r => Email(r) is not null).GroupBy(r => Email(r)!.Trim().ToLowerInvariant()).Where(g => g.Select(Email).Distinct().Count() > 1).ToList();
        Assert.NotEmpty(variants);
        Assert.Contains(variants.SelectMany(g => g), r => Email(r) != Email(r)!.Trim());

        // No e-mail but the same channel account id as a booking that has one.
        Assert.Contains(rows, r => Email(r) is null && External(r) is { } id && rows.Any(o => o != r && External(o) == id && Email(o) is not null));

        // Neither e-mail nor account id.
        Assert.Contains(rows, r => Email(r) is null && External(r) is null);

        // A–B share only an e-mail (A has no account id), B–C share only an account id (C has no e-mail).
        Assert.Contains(rows, b =>
            Email(b) is { } email && External(b) is { } external
            && rows.Any(a => a != b && External(a) is null && string.Equals(Email(a)?.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
            && rows.Any(c => c != b && Email(c) is null && External(c) == external));
    }

    [Fact]
    public async Task About_half_of_the_reservations_have_no_email_and_many_guests_book_again()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Small);
        var rows = simulator.GetGroundTruth().Reservations;
        var withoutEmail = rows.Count(r => r["guestEmail"] is null) / (double)rows.Count;
        Assert.InRange(withoutEmail, 0.35, 0.7);
        var repeatedEmails = rows.Where(r => r["guestEmail"] is not null)
            .GroupBy(r => r["guestEmail"]!.GetValue<string>().Trim().ToLowerInvariant())
            .Count(g => g.Count() > 1);
        Assert.True(repeatedEmails >= 10, $"{repeatedEmails} guests booked more than once");
        Assert.Contains(rows, r => r["hostawayReservationId"]!.GetValue<string>() == r["id"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture));
        Assert.Contains(rows, r => r["channelId"]!.GetValue<int>() == 2001);
        Assert.Contains(rows, r => r["totalPrice"]!.ToJsonString().Contains('.', StringComparison.Ordinal));
        Assert.Contains(rows, r => !r["totalPrice"]!.ToJsonString().Contains('.', StringComparison.Ordinal));
        Assert.True(rows.Count(r => r["status"]!.GetValue<string>() is "new" or "modified") > rows.Count / 2);
        Assert.Contains(rows, r => r["status"]!.GetValue<string>() == "cancelled" && r["cancellationDate"]!.GetValue<string>().Length == 19);
    }

    private static bool IsHostile(string text) =>
        text.Length > 300 || text.Any(c => c is '/' or '\\' or '\'' or '"' or '\t' || char.IsSurrogate(c) || c is >= '\u0590' and <= '\u06FF'
            || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
        || text is "CON" or "NUL" or "COM1" or "aux.txt" or "LPT1.log" or ".." or "..." || text.EndsWith(' ') || text.EndsWith('.');
}
