using Confab.Channels;
using Confab.Common;
using Confab.Users;

namespace Confab.Messages;

/// <summary>A post that passed validation and authorization, on its way to the <see cref="MessageWriter"/>.</summary>
public sealed record PendingPost(
    CurrentUser Author, UserSummary AuthorSummary, ChannelView View, string Content, string? ClientMessageId, Message? Parent);
