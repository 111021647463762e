namespace Confab.Bench.Baselines;

/// <summary>The hello-world reply of the REST baseline.</summary>
public sealed record Greeting(string Message);
