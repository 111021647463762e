using Confab.Channels;
using Confab.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Confab.Messages;

public sealed class Message
{
    public Guid Id { get; init; }
    public Guid ChannelId { get; init; }
    public long Seq { get; init; }
    public Guid AuthorId { get; init; }
    public required string Content { get; set; }
    public string? ClientMessageId { get; init; }
    public Guid? ParentId { get; init; }
    public int ReplyCount { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? EditedAt { get; set; }
    public DateTime? DeletedAt { get; set; }

    public User? Author { get; init; }
    public List<Reaction> Reactions { get; } = [];
    public List<MessageMention> Mentions { get; } = [];
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> message)
    {
        message.HasIndex(m => new { m.ChannelId, m.Seq }).IsUnique();
        // Only the rows a lookup can find are indexed: most posts are not replies, and bots may post without a
        // clientMessageId. Each row left out is a page fewer for the commit that stores it to write and sync.
        message.HasIndex(m => new { m.ChannelId, m.AuthorId, m.ClientMessageId }).IsUnique()
            .HasFilter("\"ClientMessageId\" IS NOT NULL");
        message.HasIndex(m => new { m.ParentId, m.Seq }).HasFilter("\"ParentId\" IS NOT NULL");
        message.Property(m => m.Content).HasMaxLength(16000);
        message.Property(m => m.ClientMessageId).HasMaxLength(64);
        message.HasOne<Channel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
        message.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        message.HasOne<Message>().WithMany().HasForeignKey(m => m.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
