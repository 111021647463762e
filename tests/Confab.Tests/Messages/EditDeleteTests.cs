namespace Confab.Tests.Messages;

public sealed class EditDeleteTests(CastFactory app) : IClassFixture<CastFactory>
{
    [Fact]
    public async Task The_author_edits_and_editedAt_is_set()
    {
        var ann = await app.RegisterAsync("ann");
        var channel = await ann.CreateChannelAsync("edits");
        var message = await ann.PostAsync(channel, "draft");

        var response = await ann.Http.PatchAsJsonAsync($"api/messages/{message.Id}", new { content = " final " });

        var edited = await response.ReadAsync<MessageResponse>(HttpStatusCode.OK);
        edited.Content.ShouldBe("final");
        edited.EditedAt.ShouldNotBeNull();
        edited.EditedAt!.Value.ShouldBeGreaterThanOrEqualTo(message.CreatedAt);
        (edited.Id, edited.Seq, edited.CreatedAt).ShouldBe((message.Id, message.Seq, message.CreatedAt));
        (await ann.MessageAsync(message.Id)).ShouldBeEquivalentTo(edited);
    }

    [Fact]
    public async Task Only_the_author_may_edit_not_even_the_owner_or_a_global_admin()
    {
        var admin = app.Cast.GlobalAdmin;
        var owner = await app.RegisterAsync("owner");
        var author = await app.RegisterAsync("author");
        var channel = await owner.CreateChannelAsync("strict");
        await author.JoinAsync(channel);
        await admin.JoinAsync(channel);
        var message = await author.PostAsync(channel, "mine");

        foreach (var other in new[] { owner, admin })
        {
            var response = await other.Http.PatchAsJsonAsync($"api/messages/{message.Id}", new { content = "theirs" });
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
        (await owner.MessageAsync(message.Id)).Content.ShouldBe("mine");
    }

    [Fact]
    public async Task Deleting_is_soft_and_keeps_id_and_seq()
    {
        var bob = await app.RegisterAsync("bob");
        var friend = await app.RegisterAsync("friend");
        var channel = await bob.CreateChannelAsync("deletes");
        await friend.JoinAsync(channel);
        await bob.PostAsync(channel, "before");
        var doomed = await bob.PostAsync(channel, "@" + friend.User.Username + " oops");
        await bob.PostAsync(channel, "after");
        await (await friend.Http.PutAsync($"api/messages/{doomed.Id}/reactions/eyes", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await bob.Http.DeleteAsync($"api/messages/{doomed.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var deleted = await friend.MessageAsync(doomed.Id);
        (deleted.Id, deleted.Seq, deleted.Content).ShouldBe((doomed.Id, 2L, ""));
        deleted.DeletedAt.ShouldNotBeNull();
        deleted.Reactions.ShouldBeEmpty();
        deleted.Mentions.ShouldBeEmpty();
        (await friend.HistoryAsync(channel)).Items.Select(m => (m.Seq, m.Content)).ShouldBe([(3L, "after"), (2L, ""), (1L, "before")]);
        await (await bob.Http.DeleteAsync($"api/messages/{doomed.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_deleted_message_cannot_be_edited_or_reacted_to()
    {
        var cid = await app.RegisterAsync("cid");
        var channel = await cid.CreateChannelAsync("gone");
        var message = await cid.PostAsync(channel, "short-lived");
        await (await cid.Http.DeleteAsync($"api/messages/{message.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await cid.Http.PatchAsJsonAsync($"api/messages/{message.Id}", new { content = "back" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        await (await cid.Http.PutAsync($"api/messages/{message.Id}/reactions/tada", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Channel_admins_and_global_admins_delete_others_messages_but_members_do_not()
    {
        var globalAdmin = app.Cast.GlobalAdmin;
        var owner = await app.RegisterAsync("own");
        var moderator = await app.RegisterAsync("mod");
        var member = await app.RegisterAsync("mem");
        var channel = await owner.CreateChannelAsync("moderated", ChannelType.Private);
        await owner.AddMemberAsync(channel, moderator);
        await owner.AddMemberAsync(channel, member);
        await owner.SetRoleAsync(channel, moderator, ChannelRole.Admin);
        var first = await member.PostAsync(channel, "spam 1");
        var second = await member.PostAsync(channel, "spam 2");
        var ownerMessage = await owner.PostAsync(channel, "rules");

        await (await member.Http.DeleteAsync($"api/messages/{ownerMessage.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await moderator.Http.DeleteAsync($"api/messages/{first.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await globalAdmin.Http.DeleteAsync($"api/messages/{second.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        (await owner.HistoryAsync(channel)).Items.Select(m => m.DeletedAt is not null).ShouldBe([false, true, true]);
    }
}
