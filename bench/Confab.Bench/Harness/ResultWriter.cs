using System.Text.Encodings.Web;
using System.Text.Json;

namespace Confab.Bench.Harness;

/// <summary>Writes one scenario's result to <c>bench/results/&lt;scenario&gt;.json</c>.</summary>
public static class ResultWriter
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<string> WriteAsync(string directory, ScenarioResult result, MachineInfo machine, bool quick)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, $"{result.Scenario}.json");
        var document = new
        {
            result.Scenario,
            result.Title,
            Mode = quick ? "quick" : "full",
            result.StartedAt,
            ElapsedSeconds = Math.Round(result.Elapsed.TotalSeconds, 1),
            Machine = machine,
            result.Parameters,
            Measurements = result.Measurements.Select(m => new { m.Name, m.Value, m.Unit, m.Baseline, m.BaselineName, m.Ratio, m.Target }),
            result.LostMessages,
            result.Errors,
        };
        await using FileStream file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, document, Json);
        return path;
    }
}
