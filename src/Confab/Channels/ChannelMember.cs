using Confab.Common;
using Confab.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Confab.Channels;

public sealed class ChannelMember
{
    public Guid ChannelId { get; init; }
    public Guid UserId { get; init; }
    public ChannelRole Role { get; set; }
    public DateTime JoinedAt { get; init; }
    public long LastReadSeq { get; set; }
    public long LastDeliveredSeq { get; set; }
    public bool Muted { get; set; }

    public User? User { get; init; }
}

internal sealed class ChannelMemberConfiguration : IEntityTypeConfiguration<ChannelMember>
{
    public void Configure(EntityTypeBuilder<ChannelMember> member)
    {
        member.HasKey(m => new { m.ChannelId, m.UserId });
        member.HasIndex(m => m.UserId);
        // A message's status comes from the channel's lowest cursors; without these, each read sorts every member.
        member.HasIndex(m => new { m.ChannelId, m.LastReadSeq });
        member.HasIndex(m => new { m.ChannelId, m.LastDeliveredSeq });
        member.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        member.HasOne<Channel>().WithMany(c => c.Members).HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
