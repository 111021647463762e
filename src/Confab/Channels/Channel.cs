using Confab.Common;
using Confab.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Confab.Channels;

public sealed class Channel
{
    public Guid Id { get; init; }
    /// <summary>Null for direct channels, which clients name after the other member.</summary>
    public string? Name { get; set; }
    /// <summary>Lower-cased name: unique among non-direct channels on every provider.</summary>
    public string? NormalizedName { get; set; }
    public ChannelType Type { get; init; }
    public string Topic { get; set; } = "";
    public Guid CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ArchivedAt { get; set; }
    /// <summary>The seq of the newest message; incremented in the transaction that inserts it.</summary>
    public long LastSeq { get; set; }
    /// <summary>For direct channels, the two member ids in order, so the pair has exactly one channel.</summary>
    public string? DirectKey { get; init; }

    public List<ChannelMember> Members { get; } = [];
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> channel)
    {
        channel.Property(c => c.Name).HasMaxLength(320);
        channel.Property(c => c.NormalizedName).HasMaxLength(320);
        channel.HasIndex(c => c.NormalizedName).IsUnique();
        channel.Property(c => c.Type).HasConversion<string>().HasMaxLength(16);
        channel.Property(c => c.Topic).HasMaxLength(1024);
        channel.Property(c => c.DirectKey).HasMaxLength(80);
        channel.HasIndex(c => c.DirectKey).IsUnique();
        channel.HasOne<User>().WithMany().HasForeignKey(c => c.CreatedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
