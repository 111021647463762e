namespace Confab.Bench.Scenarios;

/// <summary>
/// How many distinct users a run registers. Registration hashes a password, so --quick
/// registers fewer and gives each several connections; the connection counts stay the same.
/// </summary>
public static class ConfabScale
{
    public static int Users(BenchContext context) => context.Options.Users ?? (context.Quick ? 200 : 2000);

    /// <summary>Members of the big channel (fan-out, @channel): 1,000, or all users when fewer.</summary>
    public static int BigChannelMembers(BenchContext context) => Math.Min(1000, Users(context));
}
