using Confab.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Confab.Messages;

public sealed class MessageMention
{
    public Guid MessageId { get; init; }
    public Guid UserId { get; init; }
}

internal sealed class MessageMentionConfiguration : IEntityTypeConfiguration<MessageMention>
{
    public void Configure(EntityTypeBuilder<MessageMention> mention)
    {
        mention.HasKey(m => new { m.MessageId, m.UserId });
        mention.HasOne<Message>().WithMany(m => m.Mentions).HasForeignKey(m => m.MessageId).OnDelete(DeleteBehavior.Cascade);
        mention.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
