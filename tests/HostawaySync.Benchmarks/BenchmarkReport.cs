using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HostawaySync.Benchmarks;

/// <summary>
/// Writes the human report (markdown) and the figures (JSON). Both files are shared with other tasks (build.ps1
/// -Task Chaos appends its own section), and the scenarios fall in five sections: issue 6's (key "bench"), the
/// PostgreSQL ones of issue 11 (key "postgres"), the reconcile ones of issue 12 (key "reconcile"), the review ones of
/// issue 14 (key "reviews") and the rate-limit ones of issue 16 (key "rate-limit"). Each section's markdown is rewritten only between its
/// <c>&lt;!-- key:start --&gt;</c> and <c>&lt;!-- key:end --&gt;</c> markers and its JSON only under its key, so a run
/// of some scenarios leaves the other section's figures, and everything else in the files, as they are.
/// </summary>
public static class BenchmarkReport
{
    public const string Start = "<!-- bench:start -->";
    public const string End = "<!-- bench:end -->";

    private sealed record Section(string Key, string Heading);

    private static readonly Section Main = new("bench", "# HostawaySync benchmarks");
    private static readonly Section Postgres = new("postgres", "# PostgreSQL benchmarks (issue 11)");

    private static readonly Section Reconcile = new("reconcile", "# Reconcile benchmarks (issue 12)");

    private static readonly Section Reviews = new("reviews", "# Review benchmarks (issue 14)");

    private static readonly Section RateLimit = new("rate-limit", "# Rate-limit discovery benchmarks (issue 16)");

    private static Section Of(BenchmarkResult result) =>
        PostgresScenarios.All.Contains(result.Scenario) ? Postgres
        : ReconcileBenchmarks.Scenarios.Contains(result.Scenario) ? Reconcile
        : ReviewBenchmarks.Scenarios.Contains(result.Scenario) ? Reviews
        : RateLimitBenchmarks.Scenarios.Contains(result.Scenario) ? RateLimit
        : Main;

    public static async Task WriteMarkdownAsync(string path, IReadOnlyList<BenchmarkResult> results, MachineInfo machine, DateTime startedUtc, TimeSpan elapsed, string command)
    {
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path) : string.Empty;
        foreach (var group in results.GroupBy(Of))
        {
            var (start, end) = Markers(group.Key);
            var section = Markdown(group.Key, [.. group], machine, startedUtc, elapsed, command);
            var from = text.IndexOf(start, StringComparison.Ordinal);
            var to = text.IndexOf(end, StringComparison.Ordinal);
            // A new section goes after the last of this writer's sections there is (the main one stays first), else first.
            var last = new[] { Main, Postgres, Reconcile, Reviews, RateLimit }.Select(s => Markers(s).End).Select(e => (At: text.IndexOf(e, StringComparison.Ordinal), e.Length)).MaxBy(p => p.At);
            var after = last.At >= 0 ? last.At + last.Length : -1;
            text = from >= 0 && to > from ? string.Concat(text.AsSpan(0, from), section, text.AsSpan(to + end.Length))
                : after >= 0 && group.Key != Main ? string.Concat(text.AsSpan(0, after), "\n\n", section, text.AsSpan(after))
                : section + (text.Length > 0 ? "\n\n" + text : "\n");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, text);
    }

    private static (string Start, string End) Markers(Section section) => ($"<!-- {section.Key}:start -->", $"<!-- {section.Key}:end -->");

    public static async Task WriteJsonAsync(string path, IReadOnlyList<BenchmarkResult> results, MachineInfo machine, DateTime startedUtc, TimeSpan elapsed, string command)
    {
        var root = File.Exists(path) && JsonNode.Parse(await File.ReadAllTextAsync(path)) is JsonObject existing ? existing : [];
        foreach (var group in results.GroupBy(Of))
        {
            root[group.Key.Key] = Json([.. group], machine, startedUtc, elapsed, command);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }

    private static JsonObject Json(IReadOnlyList<BenchmarkResult> results, MachineInfo machine, DateTime startedUtc, TimeSpan elapsed, string command) =>
        new()
        {
            ["generatedUtc"] = startedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["elapsedSeconds"] = Math.Round(elapsed.TotalSeconds, 1),
            ["command"] = command,
            ["machine"] = JsonSerializer.SerializeToNode(machine),
            ["scenarios"] = new JsonArray([.. results.Select(Json)]),
        };

    private static JsonObject Json(BenchmarkResult result)
    {
        var json = new JsonObject
        {
            ["scenario"] = result.Scenario,
            ["title"] = result.Title,
            ["target"] = result.Target,
            ["met"] = result.Met,
            ["figures"] = new JsonArray([.. result.Figures.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["text"] = f.Text, ["value"] = f.Value })]),
        };
        if (result.Table is { } table)
        {
            json["table"] = Json(table);
        }

        json["note"] = result.Note;
        return json;
    }

    /// <summary>Each row as an object keyed by column heading, so a reader of the file needs no column index.</summary>
    private static JsonArray Json(ResultTable table) => new([.. table.Rows.Select(row => (JsonNode)new JsonObject(
        table.Columns.Zip(row, (column, figure) => KeyValuePair.Create<string, JsonNode?>(column, figure.Value is { } value ? JsonValue.Create(value) : JsonValue.Create(figure.Text)))))]);

    private static string Markdown(Section section, IReadOnlyList<BenchmarkResult> unordered, MachineInfo machine, DateTime startedUtc, TimeSpan elapsed, string command)
    {
        // Sections in the order (titles start with the item's number, 10 after 9), whatever order the scenarios ran in.
        var results = unordered.OrderBy(r => int.TryParse(r.Title.Split('.')[0], CultureInfo.InvariantCulture, out var item) ? item : int.MaxValue)
            .ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
        var md = new StringBuilder();
        var (start, end) = Markers(section);
        md.AppendLine(start);
        md.AppendLine(section.Heading);
        md.AppendLine();
        md.AppendLine(Invariant($"Generated {startedUtc:yyyy-MM-dd HH:mm} UTC in {elapsed.TotalMinutes:0.0} minutes. Regenerate with `{command}` (from the repository root; not part of CI)."));
        md.AppendLine();
        md.AppendLine(Invariant($"Machine: {machine.Os}; {machine.Cpu}, {machine.Cores} cores; {machine.Memory} RAM; {machine.DotNet}."));
        if (machine.LoadAverage is not null)
        {
            md.AppendLine(Invariant($"Load average when the run began: {machine.LoadAverage} (the machine is shared; other people's builds ran alongside)."));
        }

        md.AppendLine();
        md.AppendLine("These machines are shared and noisy, so every figure is a ratio of two measurements taken in the same run, or a count; absolute times are shown for context only. The simulator (src/HostawaySync.Simulator) plays the Hostaway API on 127.0.0.1.");
        md.AppendLine();
        md.AppendLine("| Item | Result | Target | Met |");
        md.AppendLine("|---|---|---|---|");
        foreach (var result in results)
        {
            md.AppendLine(Invariant($"| {result.Title} | {Cell(result.Headline ?? result.Figures[^1].Text)} | {Cell(result.Target)} | {Verdict(result.Met)} |"));
        }

        foreach (var result in results)
        {
            md.AppendLine();
            md.AppendLine(Invariant($"## {result.Title}"));
            md.AppendLine();
            if (result.Method is not null)
            {
                md.AppendLine(result.Method);
                md.AppendLine();
            }

            md.AppendLine("| Figure | Value |");
            md.AppendLine("|---|---|");
            foreach (var figure in result.Figures)
            {
                md.AppendLine(Invariant($"| {Cell(figure.Name)} | {Cell(figure.Text)} |"));
            }

            if (result.Table is { } table)
            {
                md.AppendLine();
                AppendTable(md, table);
            }

            md.AppendLine();
            md.AppendLine(Invariant($"Target: {result.Target}. **{Verdict(result.Met)}**"));
            if (result.Note is not null)
            {
                md.AppendLine();
                md.AppendLine(result.Note);
            }
        }

        md.Append(end);
        return md.ToString();
    }

    private static void AppendTable(StringBuilder md, ResultTable table)
    {
        md.AppendLine("| " + string.Join(" | ", table.Columns.Select(Cell)) + " |");
        md.AppendLine("|" + string.Concat(table.Columns.Select(_ => "---|")));
        foreach (var row in table.Rows)
        {
            md.AppendLine("| " + string.Join(" | ", row.Select(figure => Cell(figure.Text))) + " |");
        }
    }

    private static string Verdict(bool? met) => met switch { true => "met", false => "NOT met", null => "no target" };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
