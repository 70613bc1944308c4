using System.Text;
using System.Text.Json.Nodes;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Export;

namespace HostawaySync.Engine.Tests.Export;

/// <summary>Exports of a synced Small account, checked line by line against the simulator's ground truth.</summary>
public sealed class TrainingDataExportTests(SyncedSmallAccount account) : IClassFixture<SyncedSmallAccount>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private TrainingDataOptions Options(string name = "export.jsonl") => new()
    {
        DatabasePath = account.Harness.DatabasePath,
        ConversationsPath = account.Harness.ConversationsPath,
        OutputPath = _temp.Combine("out", name),
        IncludeMetadata = true,
    };

    [Fact]
    public void Every_line_is_a_chat_in_the_fine_tuning_shape_equal_to_the_ground_truth()
    {
        var options = Options();
        var expected = ExpectedTrainingData.From(account.Truth);

        var result = TrainingDataExporter.Export(new TrainingDataOptions
        {
            DatabasePath = options.DatabasePath, ConversationsPath = options.ConversationsPath, OutputPath = options.OutputPath,
            IncludeMetadata = true, SystemPrompt = "You are the friendly host.",
        });

        var bytes = File.ReadAllBytes(options.OutputPath);
        var lines = ExpectedTrainingData.ReadLines(options.OutputPath);
        Assert.Equal((byte)'{', bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal(bytes.Length, result.Bytes);
        Assert.Equal(Path.GetFullPath(options.OutputPath), result.Path);
        Assert.True(expected.Count > 100, $"only {expected.Count} conversations to compare");
        Assert.Equal(expected.Count, lines.Count);
        Assert.Equal(expected.Count, result.Conversations);
        Assert.Equal(expected.Sum(c => c.Messages), result.Messages);
        Assert.Equal(expected.Sum(c => c.Turns.Count), result.Turns);
        var withSentMessages = account.Truth.MessagesByConversation.Count(c => c.Value.Any(m => (string?)m["status"] == "sent"));
        Assert.Equal(withSentMessages - expected.Count, result.SkippedConversations);
        Assert.True(result.SkippedConversations > 0, "the account should have one-sided conversations");
        Assert.Equal((0, 0, 0), (result.RedactedEmails, result.RedactedPhones, result.RedactedNames));

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            Assert.Equal(["messages", "metadata"], line.Select(p => p.Key));
            var turns = ExpectedTrainingData.Turns(line);
            Assert.Equal(("system", "You are the friendly host."), turns[0]);
            Assert.All(turns.Skip(1), t => Assert.Contains(t.Role, new[] { "user", "assistant" }));
            Assert.All(turns.Skip(1).Zip(turns.Skip(2)), pair => Assert.NotEqual(pair.First.Role, pair.Second.Role));
            var metadata = line["metadata"]!.AsObject();
            Assert.Equal(expected[i].Id, (long)metadata["conversationId"]!);
            Assert.Equal(expected[i].ListingId, (long)metadata["listingId"]!);
            Assert.Equal(expected[i].ReservationId, (long)metadata["reservationId"]!);
            Assert.Equal(expected[i].Turns, turns.Skip(1));
        }
    }

    [Fact]
    public void Without_metadata_or_system_prompt_a_line_has_only_messages_and_non_ascii_text_stays_readable()
    {
        var options = Options();
        var result = TrainingDataExporter.Export(new TrainingDataOptions { DatabasePath = options.DatabasePath, ConversationsPath = options.ConversationsPath, OutputPath = options.OutputPath });

        var lines = ExpectedTrainingData.ReadLines(options.OutputPath);
        var expected = ExpectedTrainingData.From(account.Truth);
        Assert.Equal(expected.Count, result.Conversations);
        Assert.All(lines, line => Assert.Equal(["messages"], line.Select(p => p.Key)));
        Assert.All(lines, line => Assert.All(line["messages"]!.AsArray(), m => Assert.Equal(["role", "content"], m!.AsObject().Select(p => p.Key))));
        Assert.Equal(expected.Select(c => c.Turns), lines.Select(ExpectedTrainingData.Turns));
        var text = File.ReadAllText(options.OutputPath, Encoding.UTF8);
        Assert.Contains(expected.SelectMany(c => c.Turns), t => t.Content.Contains('¿', StringComparison.Ordinal));
        Assert.Contains("¿Hay toallas", text, StringComparison.Ordinal);
        Assert.Contains("Can we bring our dog? 🐶", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_listing_filter_selects_exactly_the_conversations_of_those_listings()
    {
        var listings = account.Truth.Conversations.GroupBy(c => (long)c["listingMapId"]!).OrderByDescending(g => g.Count()).Take(2).Select(g => g.Key).ToList();
        var options = Options();

        var result = TrainingDataExporter.Export(With(options, listingIds: listings));

        var expected = ExpectedTrainingData.From(account.Truth, c => listings.Contains((long)c["listingMapId"]!));
        var lines = ExpectedTrainingData.ReadLines(options.OutputPath);
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < ExpectedTrainingData.From(account.Truth).Count);
        Assert.Equal(expected.Select(c => c.Id), lines.Select(l => (long)l["metadata"]!["conversationId"]!));
        Assert.Equal(expected.Select(c => c.Turns), lines.Select(ExpectedTrainingData.Turns));
        Assert.Equal(expected.Count, result.Conversations);
    }

    [Fact]
    public void Conversation_and_reservation_filters_select_exactly_those()
    {
        var all = ExpectedTrainingData.From(account.Truth);
        var byConversation = all.Where((_, i) => i % 7 == 0).Select(c => c.Id).ToList();
        var byReservation = all.Where((_, i) => i % 11 == 3).Select(c => c.ReservationId).ToList();

        TrainingDataExporter.Export(With(Options("c.jsonl"), conversationIds: byConversation));
        TrainingDataExporter.Export(With(Options("r.jsonl"), reservationIds: byReservation));

        Assert.Equal(byConversation, ExpectedTrainingData.ReadLines(_temp.Combine("out", "c.jsonl")).Select(l => (long)l["metadata"]!["conversationId"]!));
        Assert.Equal(
            ExpectedTrainingData.From(account.Truth, c => byReservation.Contains((long)c["reservationId"]!)).Select(c => c.Id),
            ExpectedTrainingData.ReadLines(_temp.Combine("out", "r.jsonl")).Select(l => (long)l["metadata"]!["conversationId"]!));
    }

    [Fact]
    public void The_date_filter_keeps_only_messages_sent_in_the_range_and_message_times_follow()
    {
        var times = account.Truth.MessagesByConversation.Values.SelectMany(m => m).Where(m => (string?)m["status"] == "sent").Select(ExpectedTrainingData.Date).Order().ToList();
        var since = times[times.Count / 3];
        var until = times[times.Count * 2 / 3];
        var options = Options();

        var result = TrainingDataExporter.Export(With(options, since: since, until: until));

        var expected = ExpectedTrainingData.From(account.Truth, since: since, until: until);
        var lines = ExpectedTrainingData.ReadLines(options.OutputPath);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(c => c.Id), lines.Select(l => (long)l["metadata"]!["conversationId"]!));
        Assert.Equal(expected.Select(c => c.Turns), lines.Select(ExpectedTrainingData.Turns));
        Assert.Equal(expected.Sum(c => c.Messages), result.Messages);
        Assert.All(lines, l =>
        {
            Assert.True(DateTime.Parse((string)l["metadata"]!["firstMessageAt"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal) >= since);
            Assert.True(DateTime.Parse((string)l["metadata"]!["lastMessageAt"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal) < until);
        });
    }

    [Fact]
    public void Unsent_messages_are_left_out_unless_asked_for()
    {
        var options = Options();

        var result = TrainingDataExporter.Export(With(options, includeUnsent: true));

        var expected = ExpectedTrainingData.From(account.Truth, includeUnsent: true);
        Assert.True(expected.Sum(c => c.Messages) > ExpectedTrainingData.From(account.Truth).Sum(c => c.Messages));
        Assert.Equal(expected.Select(c => c.Turns), ExpectedTrainingData.ReadLines(options.OutputPath).Select(ExpectedTrainingData.Turns));
        Assert.Equal(expected.Sum(c => c.Messages), result.Messages);
    }

    [Fact]
    public void Metadata_names_the_listing_channel_and_stay_of_the_reservation()
    {
        var options = Options();
        TrainingDataExporter.Export(options);

        var reservations = account.Truth.Reservations.ToDictionary(r => (long)r["id"]!);
        var listings = account.Truth.Listings.ToDictionary(l => (long)l["id"]!);
        foreach (var line in ExpectedTrainingData.ReadLines(options.OutputPath))
        {
            var metadata = line["metadata"]!.AsObject();
            var reservation = reservations[(long)metadata["reservationId"]!];
            Assert.Equal((string?)reservation["channelName"], (string?)metadata["channel"]);
            Assert.Equal((string?)reservation["arrivalDate"], (string?)metadata["arrivalDate"]);
            Assert.Equal((string?)reservation["departureDate"], (string?)metadata["departureDate"]);
            Assert.Equal((string?)listings[(long)metadata["listingId"]!]["name"], (string?)metadata["listingName"]);
            Assert.Equal(
                ["conversationId", "reservationId", "listingId", "listingName", "channel", "source", "arrivalDate", "departureDate", "firstMessageAt", "lastMessageAt",
                 "reviewId", "reviewRating", "reviewCategories"],
                metadata.Select(p => p.Key));
        }
    }

    [Fact]
    public void MinRating_keeps_exactly_the_conversations_whose_stay_got_a_guest_review_rated_at_least_that_with_the_rating_in_the_metadata()
    {
        var options = Options("good.jsonl");
        // Per reservation: the best rating of its guest reviews, and the rated review the metadata names (the latest rated one).
        var guestReviews = account.Truth.Reviews.Where(r => (string?)r["type"] == "guest-to-host").ToList();
        var best = guestReviews.Where(r => r["rating"] is not null).GroupBy(r => (long)r["reservationId"]!).ToDictionary(g => g.Key, g => g.Max(r => (decimal)r["rating"]!));
        var named = guestReviews.Where(r => r["rating"] is not null).GroupBy(r => (long)r["reservationId"]!).ToDictionary(g => g.Key, g => g.MaxBy(r => (long)r["id"]!)!);
        var expected = ExpectedTrainingData.From(account.Truth).Where(c => best.TryGetValue(c.ReservationId, out var rating) && rating >= 9).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < ExpectedTrainingData.From(account.Truth).Count, "every conversation's stay is rated 9 or more: the filter proves nothing");

        var result = TrainingDataExporter.Export(new TrainingDataOptions
        {
            DatabasePath = options.DatabasePath, ConversationsPath = options.ConversationsPath, OutputPath = options.OutputPath, IncludeMetadata = true, MinRating = 9,
        });

        var lines = ExpectedTrainingData.ReadLines(options.OutputPath).ToList();
        Assert.Equal(expected.Count, result.Conversations);
        Assert.Equal(expected.Select(c => c.Id).Order(), lines.Select(l => (long)l["metadata"]!["conversationId"]!).Order());
        foreach (var line in lines)
        {
            var metadata = line["metadata"]!;
            var review = named[(long)metadata["reservationId"]!];
            Assert.Equal((long)review["id"]!, (long)metadata["reviewId"]!);
            Assert.Equal((decimal)review["rating"]!, (decimal)metadata["reviewRating"]!);
            Assert.Equal(
                review["reviewCategory"]!.AsArray().Select(c => ((string)c!["category"]!, (decimal?)c["rating"])).Order(),
                metadata["reviewCategories"]!.AsObject().Select(p => (p.Key, (decimal?)p.Value)).Order());
        }
    }

    [Fact]
    public void MinRating_on_a_database_without_synced_reviews_stops_before_writing_with_HostawayReviewsNotSynced()
    {
        var copy = _temp.Combine("no-reviews.db");
        File.Copy(account.Harness.DatabasePath, copy);
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "DELETE FROM review_search; DELETE FROM review_categories; DELETE FROM reviews; DELETE FROM sync_state WHERE resource = 'reviews';";
            command.ExecuteNonQuery();
        }

        var options = Options("none.jsonl");
        var error = Assert.Throws<HostawayException>(() => TrainingDataExporter.Export(new TrainingDataOptions
        {
            DatabasePath = copy, ConversationsPath = options.ConversationsPath, OutputPath = options.OutputPath, MinRating = 8,
        }));

        Assert.Equal(ErrorIds.ReviewsNotSynced, error.ErrorId);
        Assert.False(File.Exists(options.OutputPath));
    }

    [Fact]
    public void An_existing_file_is_left_alone_without_overwrite_and_replaced_whole_with_it()
    {
        var options = Options();
        Directory.CreateDirectory(Path.GetDirectoryName(options.OutputPath)!);
        File.WriteAllText(options.OutputPath, "keep me");

        var error = Assert.Throws<HostawayException>(() => TrainingDataExporter.Export(options));

        Assert.Equal(ErrorIds.ExportFileExists, error.ErrorId);
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Equal("keep me", File.ReadAllText(options.OutputPath));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(options.OutputPath)!));

        var result = TrainingDataExporter.Export(With(options, overwrite: true));
        Assert.Equal(result.Bytes, new FileInfo(options.OutputPath).Length);
        Assert.StartsWith("{\"messages\":", File.ReadAllText(options.OutputPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_is_not_an_output_file()
    {
        var options = Options();
        Directory.CreateDirectory(options.OutputPath);

        var error = Assert.Throws<HostawayException>(() => TrainingDataExporter.Export(options));

        Assert.Equal(ErrorIds.ExportPathInvalid, error.ErrorId);
        Assert.Empty(Directory.GetFileSystemEntries(options.OutputPath));
    }

    [Fact]
    public void A_conversations_folder_that_does_not_exist_is_an_error_before_anything_is_written()
    {
        var options = Options();
        var wrong = new TrainingDataOptions { DatabasePath = options.DatabasePath, ConversationsPath = _temp.Combine("no-such-folder"), OutputPath = options.OutputPath };

        var error = Assert.Throws<HostawayException>(() => TrainingDataExporter.Export(wrong));

        Assert.Equal(ErrorIds.ConfigurationInvalid, error.ErrorId);
        Assert.False(Directory.Exists(Path.GetDirectoryName(options.OutputPath)));
    }

    [Fact]
    public void A_cancelled_export_leaves_no_file_and_no_temporary_file_and_keeps_an_existing_one()
    {
        var options = With(Options(), overwrite: true);
        var folder = Path.GetDirectoryName(options.OutputPath)!;
        Directory.CreateDirectory(folder);
        File.WriteAllText(options.OutputPath, "previous export");
        using var cancellation = new CancellationTokenSource();
        var reports = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => TrainingDataExporter.Export(options, progress: p =>
        {
            if (++reports == 3)
            {
                cancellation.Cancel();
            }
        }, cancellationToken: cancellation.Token));

        Assert.Equal(3, reports);
        Assert.Equal("previous export", File.ReadAllText(options.OutputPath));
        Assert.Equal([options.OutputPath], Directory.GetFiles(folder));

        File.Delete(options.OutputPath);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => TrainingDataExporter.Export(options, cancellationToken: cancelled.Token));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void Progress_counts_every_conversation_read()
    {
        var progress = new List<TrainingDataProgress>();

        var result = TrainingDataExporter.Export(Options(), progress: progress.Add);

        Assert.Equal(Enumerable.Range(1, progress.Count), progress.Select(p => p.ConversationsRead));
        Assert.All(progress, p => Assert.Equal(result.Conversations + result.SkippedConversations, p.ConversationsTotal));
        Assert.Equal(result.Conversations, progress[^1].ConversationsWritten);
        Assert.Equal(progress.Count, progress[^1].ConversationsTotal);
    }

    private static TrainingDataOptions With(
        TrainingDataOptions options, IReadOnlyList<long>? listingIds = null, IReadOnlyList<long>? conversationIds = null, IReadOnlyList<long>? reservationIds = null,
        DateTime? since = null, DateTime? until = null, bool includeUnsent = false, bool overwrite = false) => new()
    {
        DatabasePath = options.DatabasePath, ConversationsPath = options.ConversationsPath, OutputPath = options.OutputPath, IncludeMetadata = options.IncludeMetadata,
        ListingIds = listingIds, ConversationIds = conversationIds, ReservationIds = reservationIds, Since = since, Until = until, IncludeUnsent = includeUnsent, Overwrite = overwrite,
    };
}
