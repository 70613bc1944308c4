namespace HostawaySync.Chaos;

/// <summary>One check repeated over a scenario (integrity after every run and kill, say): how often it held, and why it did not.</summary>
public sealed class ChaosCheck(string name)
{
    private readonly List<string> _failures = [];

    public string Name { get; } = name;

    public int Passed { get; private set; }

    public int Failed => _failures.Count;

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Held every time, and was made at least once (a check never made proves nothing).</summary>
    public bool Ok => Failed == 0 && Passed > 0;

    public void Record(bool passed, string detail)
    {
        if (passed)
        {
            Passed++;
        }
        else
        {
            _failures.Add(detail);
            Console.WriteLine($"   CHECK FAILED: {Name}: {detail}");
        }
    }
}
