using System.Text.Json.Nodes;
using HostawaySync.Engine.Tests.Sync;

namespace HostawaySync.Chaos;

/// <summary>What one scenario did and found: its setup, a table of counts, and the checks with their tallies.</summary>
public sealed class ScenarioReport(string id, string title)
{
    public const string IntegrityCheck = "(b) PRAGMA integrity_check = ok after every run and kill";
    public const string NothingLostCheck = "(c) nothing committed is lost: every row id seen before a run, kill or failure is still there after it";
    public const string TruthCheck = "(a) after the next clean run the database equals the simulator's ground truth (every table, message bodies from the files)";

    private readonly List<ChaosCheck> _checks = [];

    public string Id { get; } = id;

    public string Title { get; } = title;

    /// <summary>How the scenario was set up, in a sentence or two (account size, simulator settings, client settings).</summary>
    public string Setup { get; set; } = string.Empty;

    public List<string> Notes { get; } = [];

    public List<ReportRow> Rows { get; } = [];

    /// <summary>Per-step detail for the JSON only (e.g. each kill).</summary>
    public JsonArray Details { get; } = [];

    public IReadOnlyList<ChaosCheck> Checks => _checks;

    public TimeSpan Duration { get; set; }

    /// <summary>Set when the scenario itself threw: it could not complete, so it failed.</summary>
    public string? Crash { get; set; }

    public bool Passed => Crash is null && _checks.Count > 0 && _checks.All(c => c.Ok);

    public ChaosCheck Check(string name)
    {
        var check = _checks.FirstOrDefault(c => c.Name == name);
        if (check is null)
        {
            check = new ChaosCheck(name);
            _checks.Add(check);
        }

        return check;
    }

    public void Expect(string name, bool condition, string detail) => Check(name).Record(condition, detail);

    /// <summary>Reads the database and records check (b); returns the snapshot for check (c).</summary>
    public StoreSnapshot Integrity(SyncHarness harness, string when)
    {
        var snapshot = StoreSnapshot.Read(harness);
        Check(IntegrityCheck).Record(snapshot.Integrity == "ok", $"{when}: {snapshot.Integrity}");
        return snapshot;
    }

    /// <summary>Check (c): every row id of <paramref name="before"/> is still in <paramref name="after"/>.</summary>
    public void NothingLost(StoreSnapshot before, StoreSnapshot after, string when)
    {
        var lost = before.LostIn(after);
        Check(NothingLostCheck).Record(lost.Count == 0, $"{when}: {string.Join("; ", lost)}");
    }

    /// <summary>Check (a), exactly as the xUnit tests assert it (message texts from the files under <paramref name="conversationsPath"/>, by default the harness's).</summary>
    public void EqualsTruth(SyncHarness harness, string when, bool deletionsReconciled = true, string? conversationsPath = null)
    {
        try
        {
            harness.AssertEqualsGroundTruth(deletionsReconciled, conversationsPath);
            Check(TruthCheck).Record(true, when);
        }
#pragma warning disable CA1031 // Any failure of the comparison is a failed check, reported with its message.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var message = exception.Message.ReplaceLineEndings(" ");
            Check(TruthCheck).Record(false, $"{when}: {(message.Length > 400 ? message[..400] + "..." : message)}");
        }
    }
}
