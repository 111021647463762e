using System.Diagnostics;
using System.Text;

using Confab.Bench.Client;
using Confab.Bench.Scenarios;

namespace Confab.Bench.Harness;

/// <summary>Runs the chosen scenarios, prints each one's figures as it finishes, and writes their results.</summary>
public static class BenchRunner
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        ulong files = FileLimit.Raise(1_048_576);
        FileLimit.Current = files;
        MachineInfo machine = MachineInfo.Current();
        IReadOnlyList<IScenario> chosen = options.Scenarios.Count == 0
            ? ScenarioCatalog.All
            : [.. options.Scenarios.Select(ScenarioCatalog.Find)];
        BenchLog.Write($"{(options.Quick ? "quick" : "full")} run of {chosen.Count} scenarios on {machine}; open files limit {files}");
        if (!options.Quick)
        {
            BenchLog.Write("a full run takes about 15 minutes; --quick takes under 2");
        }

        Stopwatch total = Stopwatch.StartNew();
        await ConfabTarget.BuildIfStaleAsync(options);
        StringBuilder summary = new();
        BenchContext? context = null;
        context = new BenchContext(options, name => RunOneAsync(context!, name, machine, summary));
        await using (context)
        {
            foreach (IScenario scenario in chosen)
            {
                await context.RequireAsync(scenario.Name);
            }
        }

        string took = $"{(options.Quick ? "Quick" : "Full")} run took {total.Elapsed.TotalSeconds:0} s on {machine}.";
        Console.WriteLine(took);
        Directory.CreateDirectory(options.ResultsDirectory);
        await File.WriteAllTextAsync(Path.Combine(options.ResultsDirectory, "summary.md"), $"{took}\n\n{summary}");
        return context.Results.Values.Any(r => r.Failed) ? 1 : 0;
    }

    static async Task<ScenarioResult> RunOneAsync(BenchContext context, string name, MachineInfo machine, StringBuilder summary)
    {
        IScenario scenario = ScenarioCatalog.Find(name);
        TimeSpan? announcing = await context.AwaitOfflineAnnouncementsAsync();
        if (announcing is { } wait)
        {
            BenchLog.Write($"waited {wait.TotalSeconds:0.0} s for the server to announce earlier scenarios' users offline");
        }

        BenchLog.Write($"scenario {name}: {scenario.Title}");
        Stopwatch elapsed = Stopwatch.StartNew();
        OtherLoad otherLoad = OtherLoad.Begin();
        ScenarioResult result;
        try
        {
            result = await scenario.RunAsync(context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            result = new ScenarioResult(name, scenario.Title);
            result.Errors.Add($"{e.GetType().Name}: {e.Message}");
            BenchLog.Write($"scenario {name} failed: {e}");
        }

        result.Elapsed = elapsed.Elapsed;
        result.Parameter("other processes' CPU during the scenario (% of a core)", Math.Round(otherLoad.PercentOfCoreSinceBegin()));
        if (announcing is { } waited)
        {
            result.Parameter("waited first for earlier scenarios' users to be announced offline (s)", Math.Round(waited.TotalSeconds, 1));
        }
        context.Results[name] = result;
        string markdown = ResultPrinter.Markdown(result);
        Console.Write(ResultPrinter.Lines(result));
        Console.WriteLine();
        Console.WriteLine(markdown);
        summary.AppendLine(markdown);
        string path = await ResultWriter.WriteAsync(context.Options.ResultsDirectory, result, machine, context.Quick);
        BenchLog.Write($"wrote {path}");
        return result;
    }
}
