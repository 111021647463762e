namespace Confab.Bench.Harness;

/// <summary>Everything one scenario reports: its figures, the load shape that produced them, and what went wrong.</summary>
public sealed class ScenarioResult(string scenario, string title)
{
    public string Scenario { get; } = scenario;

    public string Title { get; } = title;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public TimeSpan Elapsed { get; set; }

    public SortedDictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

    public List<Measurement> Measurements { get; } = [];

    public List<string> Errors { get; } = [];

    public long LostMessages { get; set; }

    public bool Failed => Errors.Count > 0 || LostMessages > 0;

    public Measurement? Find(string name) => Measurements.Find(m => m.Name == name);

    public void Add(Measurement measurement) => Measurements.Add(measurement);

    public void AddRange(IEnumerable<Measurement> measurements) => Measurements.AddRange(measurements);

    public void Parameter(string name, object value) =>
        Parameters[name] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>Records request failures and lost messages of a ladder as errors of this scenario.</summary>
    public void Absorb(string label, LadderResult ladder)
    {
        LostMessages += ladder.Lost;
        foreach (StepResult step in ladder.Steps.Where(s => s.Failed > 0))
        {
            Errors.Add($"{label} at {step.OfferedRate:0.#}/s: {step.Failed} failed ({step.FirstError})");
        }
    }
}
