namespace Confab.Bench.Harness;

/// <summary>Rate ladders: geometric, so each step asks for a fixed fraction more than the last.</summary>
public static class Rates
{
    public static IReadOnlyList<double> Geometric(double first, double factor, double max)
    {
        List<double> rates = [];
        for (double rate = first; rate <= max; rate *= factor)
        {
            rates.Add(Math.Round(rate));
        }

        return rates;
    }
}
