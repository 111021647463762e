using Confab.Common;
using Confab.Data;

namespace Confab.Channels;

/// <summary>Channel and member rows shaped into responses inside the query, so one round trip builds a list.</summary>
public static class ChannelProjections
{
    public static IQueryable<ChannelResponse> ToResponses(this IQueryable<Channel> channels, ChatDb db, Guid viewerId) =>
        from c in channels
        let m = c.Members.FirstOrDefault(x => x.UserId == viewerId)
        select new ChannelResponse(
            c.Id, c.Name, c.Type, c.Topic, c.CreatedBy, c.CreatedAt, c.ArchivedAt, c.Members.Count, c.LastSeq,
            m != null ? m.Role : null,
            m != null ? m.LastReadSeq : null,
            m != null
                ? db.Messages.Count(x => x.ChannelId == c.Id && x.Seq > m.LastReadSeq && x.AuthorId != viewerId && x.DeletedAt == null)
                : null,
            m != null ? m.Muted : null);

    public static IQueryable<ChannelMemberResponse> ToResponses(this IQueryable<ChannelMember> members) =>
        members.Select(m => new ChannelMemberResponse(
            m.UserId, m.User!.Username, m.User.DisplayName, m.Role, m.JoinedAt, m.LastReadSeq, m.LastDeliveredSeq));
}
