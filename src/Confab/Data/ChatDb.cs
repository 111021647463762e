using Confab.Auth;
using Confab.Channels;
using Confab.Messages;
using Confab.Notifications;
using Confab.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace Confab.Data;

public sealed class ChatDb(DbContextOptions<ChatDb> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<ChannelMember> ChannelMembers => Set<ChannelMember>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Reaction> Reactions => Set<Reaction>();
    public DbSet<MessageMention> MessageMentions => Set<MessageMention>();
    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>
    /// Keeps one connection open until disposed. EF otherwise opens and closes one per query, and each open of a
    /// SQLite connection registers EF's SQL functions again, which costs more than a simple query itself.
    /// </summary>
    public async Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken ct)
    {
        await Database.OpenConnectionAsync(ct);
        return new ConnectionHold(Database);
    }

    sealed class ConnectionHold(DatabaseFacade database) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(database.CloseConnectionAsync());
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChatDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Conventions.Replace<ForeignKeyIndexConvention>(services =>
            new UserReferenceIndexConvention(services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));
    }
}
