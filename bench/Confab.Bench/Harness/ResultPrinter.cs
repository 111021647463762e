using System.Globalization;
using System.Text;

namespace Confab.Bench.Harness;

/// <summary>
/// Prints results in two shapes: one logfmt line per figure (stable, for scripts and diffs)
/// and a Markdown table (for people and the README).
/// </summary>
public static class ResultPrinter
{
    public static string Lines(ScenarioResult result)
    {
        StringBuilder text = new();
        foreach (Measurement m in result.Measurements)
        {
            text.Append(CultureInfo.InvariantCulture, $"RESULT scenario={result.Scenario} name=\"{m.Name}\" value={Format(m.Value)} unit={m.Unit}");
            if (m.Baseline is { } baseline)
            {
                text.Append(CultureInfo.InvariantCulture, $" baseline={Format(baseline)} baseline_name=\"{m.BaselineName}\"");
            }

            if (m.Ratio is { } ratio)
            {
                text.Append(CultureInfo.InvariantCulture, $" ratio={ratio:0.000}");
            }

            if (m.Target is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" target=\"{m.Target}\"");
            }

            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"RESULT scenario={result.Scenario} name=\"lost messages\" value={result.LostMessages} unit=messages");
        text.AppendLine(CultureInfo.InvariantCulture, $"RESULT scenario={result.Scenario} name=\"errors\" value={result.Errors.Count} unit=errors");
        return text.ToString();
    }

    public static string Markdown(ScenarioResult result)
    {
        StringBuilder text = new();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {result.Scenario}: {result.Title}");
        text.AppendLine();
        if (result.Parameters.Count > 0)
        {
            text.AppendLine(string.Join(", ", result.Parameters.Select(p => $"{p.Key} = {p.Value}")));
            text.AppendLine();
        }

        text.AppendLine("| measurement | value | unit | baseline | ratio | target |");
        text.AppendLine("| --- | ---: | --- | ---: | ---: | --- |");
        foreach (Measurement m in result.Measurements)
        {
            string baseline = m.Baseline is { } b ? $"{Format(b)} ({m.BaselineName})" : "";
            string ratio = m.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {Format(m.Value)} | {m.Unit} | {baseline} | {ratio} | {m.Target} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Took {result.Elapsed.TotalSeconds:0.0} s; lost messages: {result.LostMessages}; errors: {result.Errors.Count}.");
        foreach (string error in result.Errors)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- error: {error}");
        }

        return text.ToString();
    }

    public static string Format(double value) =>
        Math.Abs(value) >= 100 || value == Math.Floor(value)
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);
}
