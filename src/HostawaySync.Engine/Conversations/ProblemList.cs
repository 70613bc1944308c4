using System.Globalization;

namespace HostawaySync.Engine.Conversations;

/// <summary>Collects parse problems, with a cap so that a large junk file cannot fill memory with reports.</summary>
internal sealed class ProblemList
{
    /// <summary>Problems kept per file; the rest are counted in one closing problem.</summary>
    public const int MaxProblems = 1000;

    private readonly List<ConversationParseProblem> _problems = [];
    private int _dropped;

    public int Count => _problems.Count + _dropped;

    public void Add(int lineNumber, string line, string reason)
    {
        if (_problems.Count >= MaxProblems)
        {
            _dropped++;
            return;
        }

        _problems.Add(new ConversationParseProblem(lineNumber, TextLimits.ForDisplay(line), reason));
    }

    public IReadOnlyList<ConversationParseProblem> ToList()
    {
        var list = _problems.OrderBy(problem => problem.LineNumber).ToList();
        if (_dropped > 0)
        {
            list.Add(new ConversationParseProblem(0, string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"{_dropped} more problems were not listed (at most {MaxProblems} are kept per file).")));
        }

        return list;
    }
}
