using System.Globalization;

using Confab.Bench.Baselines;
using Confab.Bench.Harness;

if (args is [BaselineServer.Command, string port])
{
    await BaselineServer.RunAsync(int.Parse(port, CultureInfo.InvariantCulture));
    return 0;
}

return await BenchRunner.RunAsync(BenchOptions.Parse(args));
