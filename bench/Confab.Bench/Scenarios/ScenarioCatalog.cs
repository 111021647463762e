namespace Confab.Bench.Scenarios;

/// <summary>Every scenario, in the order a full run takes them: baselines first, then Confab.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new BaselineFanoutScenario(),
        new BaselineStorageScenario(),
        new BaselineRestScenario(),
        new FanoutScenario(),
        new ChatScenario(),
        new RestPostScenario(),
        new RestHistoryScenario(),
        new StorageScenario(),
        new IdleScenario(),
        new ConnectScenario(),
        new ReconnectScenario(),
        new AtChannelScenario(),
    ];

    public static IScenario Find(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"unknown scenario '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}");
}
