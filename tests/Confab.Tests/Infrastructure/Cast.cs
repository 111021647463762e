namespace Confab.Tests.Infrastructure;

/// <summary>Who calls an endpoint, relative to the channel it concerns.</summary>
public enum Caller { Owner, ChannelAdmin, Member, NonMember, GlobalAdmin, Anonymous }

/// <summary>One user per role of the authorization tables, registered once per server; the first is the global admin.</summary>
public sealed record Cast(TestUser GlobalAdmin, TestUser Owner, TestUser ChannelAdmin, TestUser Member, TestUser NonMember, TestUser Newcomer)
{
    public static async Task<Cast> RegisterAsync(ConfabFactory app)
    {
        var admin = await app.RegisterAsync("gadmin");
        return new Cast(admin, await app.RegisterAsync("owner"), await app.RegisterAsync("chadmin"),
            await app.RegisterAsync("member"), await app.RegisterAsync("outsider"), await app.RegisterAsync("newcomer"));
    }

    public TestUser? User(Caller caller) => caller switch
    {
        Caller.Owner => Owner,
        Caller.ChannelAdmin => ChannelAdmin,
        Caller.Member => Member,
        Caller.NonMember => NonMember,
        Caller.GlobalAdmin => GlobalAdmin,
        _ => null,
    };

    /// <summary>
    /// A fresh channel of <paramref name="type"/> owned by <see cref="Owner"/>, with <see cref="ChannelAdmin"/> as its
    /// admin and <see cref="Member"/> as a member who posted one message; <see cref="NonMember"/>, the global admin
    /// and <see cref="Newcomer"/> are not in it.
    /// </summary>
    public async Task<Scene> SceneAsync(ChannelType type)
    {
        var channel = await Owner.CreateChannelAsync("authz", type);
        await Owner.AddMemberAsync(channel, ChannelAdmin);
        await Owner.AddMemberAsync(channel, Member);
        await Owner.SetRoleAsync(channel, ChannelAdmin, ChannelRole.Admin);
        var message = await Member.PostAsync(channel, "hello from the member");
        return new Scene(channel, message);
    }
}

/// <summary>What an authorization table row acts on.</summary>
public sealed record Scene(ChannelResponse Channel, MessageResponse Message);

/// <summary>A server whose first users, registered before any test runs, form a <see cref="Infrastructure.Cast"/>.</summary>
public sealed class CastFactory : ConfabFactory
{
    // Registered eagerly, off xunit's synchronization context, so that its global admin is the server's first user.
    public CastFactory() => Cast = Task.Run(() => Infrastructure.Cast.RegisterAsync(this)).GetAwaiter().GetResult();

    public Cast Cast { get; }
}
