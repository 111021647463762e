namespace Confab.Bench.Scenarios;

/// <summary>
/// How many distinct users a run registers. Registration hashes a password (about ten a
/// second on two cores), so runs register few users and give each several connections and
/// channel memberships; the connection and membership counts stay as specified.
/// </summary>
public static class ConfabScale
{
    public static int Users(BenchContext context) => context.Options.Users ?? (context.Quick ? 50 : 1000);

    /// <summary>Members of the big channel (fan-out, @channel): 1,000, or all users when fewer.</summary>
    public static int BigChannelMembers(BenchContext context) => Math.Min(1000, Users(context));

    /// <summary>The longest a scenario waits for the presence announcements its connects caused (<see cref="Client.HubFleet.SettleAsync"/>).</summary>
    public static TimeSpan SettleCap(BenchContext context) => TimeSpan.FromSeconds(context.Quick ? 10 : 60);
}
