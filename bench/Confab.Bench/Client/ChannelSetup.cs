namespace Confab.Bench.Client;

/// <summary>Creates public channels and fills them through the public API, as users would.</summary>
public static class ChannelSetup
{
    const int Parallelism = 16;

    /// <summary>Creates a channel owned by <paramref name="members"/>[0] and has every other member join it.</summary>
    public static async Task<ChannelInfo> CreateAsync(ConfabApi api, string name, IReadOnlyList<BenchUser> members)
    {
        ChannelInfo channel = await api.CreateChannelAsync(members[0].AccessToken, name);
        await Parallel.ForEachAsync(members.Skip(1), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (user, _) =>
            await api.JoinAsync(user.AccessToken, channel.Id));
        return channel;
    }

    /// <summary>Creates <paramref name="count"/> channels at once, each with the members <paramref name="membersOf"/> names.</summary>
    public static async Task<ChannelInfo[]> CreateManyAsync(ConfabApi api, string prefix, int count, Func<int, IReadOnlyList<BenchUser>> membersOf)
    {
        ChannelInfo[] channels = new ChannelInfo[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            channels[i] = await CreateAsync(api, $"{prefix}-{i}", membersOf(i)));
        return channels;
    }
}
