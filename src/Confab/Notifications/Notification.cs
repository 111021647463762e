using Confab.Common;
using Confab.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Confab.Notifications;

public sealed class Notification
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public NotificationType Type { get; init; }
    public Guid? ChannelId { get; init; }
    public Guid? MessageId { get; init; }
    public Guid? ActorId { get; init; }
    public required string Text { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; set; }

    public User? Actor { get; init; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.HasIndex(n => new { n.UserId, n.CreatedAt, n.Id });
        notification.HasIndex(n => n.CreatedAt);
        notification.Property(n => n.Type).HasConversion<string>().HasMaxLength(32);
        notification.Property(n => n.Text).HasMaxLength(16000);
        notification.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        notification.HasOne(n => n.Actor).WithMany().HasForeignKey(n => n.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}
