using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Export;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Export;

/// <summary>Redaction end to end: guests' e-mail addresses and phone numbers are written into synced conversation files, then exported.</summary>
public sealed class TrainingDataRedactionExportTests
{
    [Fact]
    public async Task Redaction_leaves_none_of_the_guests_addresses_phone_numbers_or_names_and_counts_them()
    {
        await using var harness = await SyncHarness.StartAsync(43, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var truth = harness.Simulator.GetGroundTruth();
        var reservations = truth.Reservations.ToDictionary(r => (long)r["id"]!);
        var emails = truth.Reservations.Select(r => ((string?)r["guestEmail"])?.Trim()).Where(e => !string.IsNullOrEmpty(e)).Select(e => e!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var (injectedEmails, injectedPhones) = await InjectContactDetailsAsync(harness, truth);
        Assert.True(injectedEmails >= 30, $"only {injectedEmails} addresses injected");
        var output = Path.Combine(harness.ConversationsPath, "..", "export", "redacted.jsonl");

        var result = TrainingDataExporter.Export(new TrainingDataOptions
        {
            DatabasePath = harness.DatabasePath, ConversationsPath = harness.ConversationsPath, OutputPath = output,
            IncludeMetadata = true, Redact = TrainingDataRedaction.All,
        });

        var lines = ExpectedTrainingData.ReadLines(output);
        var contents = lines.SelectMany(ExpectedTrainingData.Turns).Select(t => t.Content).ToList();
        Assert.Equal(injectedEmails, result.RedactedEmails);
        Assert.Equal(injectedPhones, result.RedactedPhones);
        Assert.DoesNotContain(contents, c => c.Contains('@', StringComparison.Ordinal));
        Assert.DoesNotContain(contents, c => emails.Any(e => c.Contains(e, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(contents, c => c.Contains("555 ", StringComparison.Ordinal) || c.Contains("06 12 34", StringComparison.Ordinal));
        Assert.Equal(result.RedactedEmails, contents.Sum(c => Regex.Count(c, Regex.Escape(TextRedactor.EmailToken))));

        var listings = truth.Listings.ToDictionary(l => (long)l["id"]!);
        var checkedNames = 0;
        foreach (var line in lines)
        {
            var reservation = reservations[(long)line["metadata"]!["reservationId"]!];
            var listing = listings[(long)line["metadata"]!["listingId"]!];
            var text = string.Join("\n", ExpectedTrainingData.Turns(line).Select(t => t.Content));
            foreach (var name in new[] { (string?)reservation["guestFirstName"], (string?)reservation["guestLastName"], (string?)listing["contactName"] })
            {
                if (name is not null && Regex.IsMatch(name, @"^\p{L}{3,}$"))
                {
                    Assert.False(Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(name)}(?!\p{{L}})", RegexOptions.IgnoreCase), $"'{name}' left in conversation {line["metadata"]!["conversationId"]}");
                    checkedNames++;
                }
            }
        }

        Assert.True(checkedNames > 100, $"only {checkedNames} names checked");
        Assert.True(result.RedactedNames > 50, $"only {result.RedactedNames} names redacted");
        Assert.Equal(result.RedactedNames, contents.Sum(c => Regex.Count(c, Regex.Escape(TextRedactor.NameToken))));
    }

    [Fact]
    public async Task Access_code_redaction_replaces_labelled_codes_and_each_reservations_own_door_code_and_counts_them()
    {
        await using var harness = await SyncHarness.StartAsync(43, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var truth = harness.Simulator.GetGroundTruth();
        var reservations = truth.Reservations.ToDictionary(r => (long)r["id"]!);
        var ownCodes = 0;
        // The reservation's door code without a label (only the reservation's own code can find it), and a labelled Wi-Fi password.
        await InjectAsync(harness, truth, (_, _) => "\nIs the wifi password: Sunny$Beach22 ?", (_, reservation) =>
        {
            var code = DoorCode(reservation);
            ownCodes += code is null ? 0 : 1;
            return code is null ? string.Empty : $"\nYour personal entry for the stay: {code} (then #).";
        });
        Assert.True(ownCodes >= 30, $"only {ownCodes} door codes injected");
        var folder = Path.Combine(harness.ConversationsPath, "..", "export");

        var plain = TrainingDataExporter.Export(new TrainingDataOptions
        {
            DatabasePath = harness.DatabasePath, ConversationsPath = harness.ConversationsPath, OutputPath = Path.Combine(folder, "plain.jsonl"), IncludeMetadata = true,
        });
        var result = TrainingDataExporter.Export(new TrainingDataOptions
        {
            DatabasePath = harness.DatabasePath, ConversationsPath = harness.ConversationsPath, OutputPath = Path.Combine(folder, "codes.jsonl"),
            IncludeMetadata = true, Redact = TrainingDataRedaction.AccessCode,
        });

        var plainText = string.Join("\n", ExpectedTrainingData.ReadLines(plain.Path).SelectMany(ExpectedTrainingData.Turns).Select(t => t.Content));
        var labelledDoorCodes = Regex.Count(plainText, @"(?i)door code(?: is|:)\s*[0-9]{4}");
        Assert.True(labelledDoorCodes > 20, $"only {labelledDoorCodes} door codes in the simulated messages");
        Assert.Equal(0, plain.RedactedAccessCodes);
        Assert.Equal((0, 0, 0), (result.RedactedEmails, result.RedactedPhones, result.RedactedNames));
        var lines = ExpectedTrainingData.ReadLines(result.Path);
        var contents = lines.SelectMany(ExpectedTrainingData.Turns).Select(t => t.Content).ToList();
        Assert.Equal(result.RedactedAccessCodes, contents.Sum(c => Regex.Count(c, Regex.Escape(TextRedactor.AccessCodeToken))));
        Assert.True(result.RedactedAccessCodes >= ownCodes + plain.Conversations + labelledDoorCodes, $"{result.RedactedAccessCodes} access codes redacted");
        Assert.DoesNotContain(contents, c => c.Contains("Sunny$Beach22", StringComparison.Ordinal) || Regex.IsMatch(c, @"(?i)door code(?: is|:)\s*[0-9]"));
        Assert.Contains(contents, c => c.Contains("Your personal entry for the stay: [ACCESS_CODE] (then #).", StringComparison.Ordinal));
        var checkedCodes = 0;
        foreach (var line in lines)
        {
            if (DoorCode(reservations[(long)line["metadata"]!["reservationId"]!]) is { } code)
            {
                var text = string.Join("\n", ExpectedTrainingData.Turns(line).Select(t => t.Content));
                Assert.False(Regex.IsMatch(text, $@"(?<![0-9]){Regex.Escape(code)}(?![0-9])"), $"door code {code} left in conversation {line["metadata"]!["conversationId"]}");
                checkedCodes++;
            }
        }

        Assert.Equal(ownCodes, checkedCodes);
    }

    private static string? DoorCode(JsonObject reservation) => (string?)reservation["doorCode"] is { Length: > 0 } code ? code : null;

    /// <summary>Adds the reservation's guest address and a phone number to the first guest message, and a phone number to the first host message.</summary>
    private static async Task<(int Emails, int Phones)> InjectContactDetailsAsync(SyncHarness harness, GroundTruth truth)
    {
        int emails = 0, phones = 0;
        await InjectAsync(
            harness,
            truth,
            (id, reservation) =>
            {
                var email = ((string?)reservation["guestEmail"])?.Trim();
                emails += email is null ? 0 : 1;
                phones++;
                return string.Create(CultureInfo.InvariantCulture, $"\nReach me: {(email is null ? string.Empty : email + " or ")}+1 555 {id % 1000:000} {id % 10000:0000}");
            },
            (_, _) =>
            {
                phones++;
                return "\nOur number: 06 12 34 56 78.";
            });
        return (emails, phones);
    }

    /// <summary>
    /// Appends text to the first exported guest message and to the first exported host message of every conversation that will be
    /// exported (given the conversation id and its reservation). Positions and ids stay as the database has them.
    /// </summary>
    private static async Task InjectAsync(SyncHarness harness, GroundTruth truth, Func<long, JsonObject, string> toGuestMessage, Func<long, JsonObject, string> toHostMessage)
    {
        var reservations = truth.Reservations.ToDictionary(r => (long)r["id"]!);
        var exported = ExpectedTrainingData.From(truth).Select(c => c.Id).ToHashSet();
        var files = new ConversationFolder(harness.ConversationsPath);
        using var db = harness.Open();
        foreach (var conversation in truth.Conversations.Where(c => exported.Contains((long)c["id"]!)))
        {
            var id = (long)conversation["id"]!;
            var reservation = reservations[(long)conversation["reservationId"]!];
            var path = db.ExecuteScalar<string>("SELECT file_path FROM conversations WHERE conversation_id = @Id;", new { Id = id })!;
            var parsed = (await files.ReadAsync(path))!;
            var sent = truth.MessagesByConversation[id].Where(m => (string?)m["status"] == "sent" && !string.IsNullOrWhiteSpace(ExpectedTrainingData.Body(m))).Select(m => (long)m["id"]!).ToHashSet();
            var firstGuest = parsed.Messages.First(m => m.Message.Direction == MessageDirection.Guest && sent.Contains(m.Message.MessageId!.Value)).Message.MessageId;
            var firstHost = parsed.Messages.First(m => m.Message.Direction == MessageDirection.Host && sent.Contains(m.Message.MessageId!.Value)).Message.MessageId;
            var guestText = toGuestMessage(id, reservation);
            var hostText = toHostMessage(id, reservation);
            var messages = parsed.Messages.Select(p => p.Message).Select(m =>
                m.MessageId == firstGuest ? m with { Body = m.Body + guestText }
                : m.MessageId == firstHost ? m with { Body = m.Body + hostText }
                : m).ToList();
            await files.WriteAsync(path, parsed.Header, messages);
        }
    }
}
