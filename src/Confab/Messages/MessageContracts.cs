using System.ComponentModel.DataAnnotations;
using Confab.Common;
using Confab.Users;

namespace Confab.Messages;

/// <summary>A message. A deleted one keeps its id and seq, with empty content and <c>deletedAt</c> set.</summary>
/// <param name="Seq">Per channel, from 1, without gaps.</param>
/// <param name="Mentions">Ids of the mentioned members; never the author.</param>
/// <param name="Status">From the author's point of view: delivered or read once every other member's cursor reached it.</param>
public sealed record MessageResponse(
    Guid Id,
    Guid ChannelId,
    long Seq,
    UserSummary Author,
    string Content,
    string? ClientMessageId,
    Guid? ParentId,
    int ReplyCount,
    IReadOnlyList<ReactionSummary> Reactions,
    IReadOnlyList<Guid> Mentions,
    DateTime CreatedAt,
    DateTime? EditedAt,
    DateTime? DeletedAt,
    MessageStatus Status);

/// <summary>One emoji on a message: how many reacted with it, and whether the caller did.</summary>
public sealed record ReactionSummary(string Emoji, int Count, bool Me);

/// <summary>Post a message, or a thread reply with <c>parentId</c>.</summary>
/// <param name="Content">1 to 4000 characters after trimming.</param>
/// <param name="ClientMessageId">The client's own id; posting it again returns the first message instead of a duplicate.</param>
public sealed record PostMessageRequest(
    [property: Required, Text(1, MessageRules.MaxContentLength)] string Content,
    [property: MaxLength(64)] string? ClientMessageId,
    Guid? ParentId);

/// <summary>New content for one's own message.</summary>
public sealed record EditMessageRequest([property: Required, Text(1, MessageRules.MaxContentLength)] string Content);

/// <summary>A page of messages and the seq to continue from.</summary>
/// <param name="NextCursor">The seq to pass as <c>before</c> (or <c>after</c>) for the next page; null when there is none.</param>
public sealed record MessagePage(IReadOnlyList<MessageResponse> Items, string? NextCursor);
