namespace Confab.Tests.Channels;

public sealed class MembershipTests(CastFactory app) : IClassFixture<CastFactory>
{
    [Fact]
    public async Task Joining_a_public_channel_is_idempotent_and_starts_the_cursors_at_lastSeq()
    {
        var owner = await app.RegisterAsync("owner");
        var joiner = await app.RegisterAsync("joiner");
        var channel = await owner.CreateChannelAsync("lobby");
        await owner.PostAsync(channel, "one");
        await owner.PostAsync(channel, "two");

        var first = await (await joiner.Http.PostAsync($"api/channels/{channel.Id}/join", null)).ReadAsync<ChannelResponse>(HttpStatusCode.OK);
        var second = await (await joiner.Http.PostAsync($"api/channels/{channel.Id}/join", null)).ReadAsync<ChannelResponse>(HttpStatusCode.OK);

        (first.MyRole, first.MemberCount, first.LastReadSeq, first.UnreadCount).ShouldBe(((ChannelRole?)ChannelRole.Member, 2, (long?)2, (int?)0));
        second.ShouldBeEquivalentTo(first);
        var member = (await owner.GetAsync<Page<ChannelMemberResponse>>($"api/channels/{channel.Id}/members")).Items.Single(m => m.UserId == joiner.Id);
        (member.Username, member.Role, member.LastReadSeq, member.LastDeliveredSeq).ShouldBe((joiner.User.Username, ChannelRole.Member, 2L, 2L));
    }

    [Fact]
    public async Task A_private_channel_is_joined_only_by_being_added()
    {
        var owner = await app.RegisterAsync("owner");
        var member = await app.RegisterAsync("member");
        var outsider = await app.RegisterAsync("outsider");
        var secret = await owner.CreateChannelAsync("secret", ChannelType.Private);
        await owner.AddMemberAsync(secret, member);

        await (await outsider.Http.PostAsync($"api/channels/{secret.Id}/join", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await app.Cast.GlobalAdmin.Http.PostAsync($"api/channels/{secret.Id}/join", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await (await member.Http.PostAsync($"api/channels/{secret.Id}/join", null)).ReadAsync<ChannelResponse>(HttpStatusCode.OK)).MyRole.ShouldBe(ChannelRole.Member);
        (await owner.ChannelAsync(secret)).MemberCount.ShouldBe(2);
    }

    [Fact]
    public async Task The_last_owner_cannot_leave_while_others_remain()
    {
        var owner = await app.RegisterAsync("owner");
        var member = await app.RegisterAsync("member");
        var channel = await owner.CreateChannelAsync("stuck");
        await member.JoinAsync(channel);

        await (await owner.Http.PostAsync($"api/channels/{channel.Id}/leave", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "last_owner");
        await (await owner.Http.PatchAsJsonAsync($"api/channels/{channel.Id}/members/{owner.Id}", new { role = "member" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "last_owner");
        await owner.SetRoleAsync(channel, member, ChannelRole.Owner);
        await (await owner.Http.PostAsync($"api/channels/{channel.Id}/leave", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await member.Http.PostAsync($"api/channels/{channel.Id}/leave", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        (await owner.ChannelAsync(channel)).MemberCount.ShouldBe(0);
        (await owner.GetAsync<Page<ChannelResponse>>("api/channels")).Items.ShouldNotContain(c => c.Id == channel.Id);
    }

    [Fact]
    public async Task Adding_a_member_is_201_then_200_and_sends_a_channelInvite()
    {
        var owner = await app.RegisterAsync("owner");
        var guest = await app.RegisterAsync("guest");
        var channel = await owner.CreateChannelAsync("invites", ChannelType.Private);

        var first = await owner.Http.PostAsJsonAsync($"api/channels/{channel.Id}/members", new { userId = guest.Id });
        var again = await owner.Http.PostAsJsonAsync($"api/channels/{channel.Id}/members", new { userId = guest.Id });

        var added = await first.ReadAsync<ChannelMemberResponse>(HttpStatusCode.Created);
        first.Headers.Location!.ToString().ShouldBe($"/api/channels/{channel.Id}/members/{guest.Id}");
        (added.UserId, added.Username, added.Role).ShouldBe((guest.Id, guest.User.Username, ChannelRole.Member));
        (await again.ReadAsync<ChannelMemberResponse>(HttpStatusCode.OK)).ShouldBeEquivalentTo(added);
        var invite = (await guest.NotificationsAsync()).Items.ShouldHaveSingleItem();
        (invite.Type, invite.ChannelId, invite.Actor!.Id).ShouldBe((NotificationType.ChannelInvite, channel.Id, owner.Id));
        (await guest.ChannelAsync(channel)).MyRole.ShouldBe(ChannelRole.Member);
    }

    [Fact]
    public async Task Adding_an_unknown_or_deactivated_user_is_404()
    {
        var owner = await app.RegisterAsync("owner");
        var leaver = await app.RegisterAsync("leaver");
        var channel = await owner.CreateChannelAsync("nobody");
        await (await app.Cast.GlobalAdmin.Http.PatchAsJsonAsync($"api/users/{leaver.Id}", new { isActive = false })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await owner.Http.PostAsJsonAsync($"api/channels/{channel.Id}/members", new { userId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await owner.Http.PostAsJsonAsync($"api/channels/{channel.Id}/members", new { userId = leaver.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Members_are_listed_by_username_in_pages()
    {
        var owner = await app.RegisterAsync("zowner");
        var channel = await owner.CreateChannelAsync("roster");
        var others = new List<TestUser>();
        foreach (var name in new[] { "amy", "bea", "cal" })
        {
            var user = await app.RegisterAsync(name);
            await user.JoinAsync(channel);
            others.Add(user);
        }

        var first = await owner.GetAsync<Page<ChannelMemberResponse>>($"api/channels/{channel.Id}/members?limit=2");
        var second = await owner.GetAsync<Page<ChannelMemberResponse>>($"api/channels/{channel.Id}/members?limit=2&cursor={first.NextCursor}");

        first.Items.Select(m => m.UserId).ShouldBe([others[0].Id, others[1].Id]);
        second.Items.Select(m => m.UserId).ShouldBe([others[2].Id, owner.Id]);
        second.NextCursor.ShouldBeNull();
        second.Items[1].Role.ShouldBe(ChannelRole.Owner);
    }

    [Fact]
    public async Task Removing_takes_the_member_out_and_owners_are_removed_only_by_owners()
    {
        var owner = await app.RegisterAsync("owner");
        var coOwner = await app.RegisterAsync("coowner");
        var moderator = await app.RegisterAsync("mod");
        var member = await app.RegisterAsync("member");
        var channel = await owner.CreateChannelAsync("cleanup");
        foreach (var user in new[] { coOwner, moderator, member })
            await user.JoinAsync(channel);
        await owner.SetRoleAsync(channel, coOwner, ChannelRole.Owner);
        await owner.SetRoleAsync(channel, moderator, ChannelRole.Admin);

        await (await moderator.Http.DeleteAsync($"api/channels/{channel.Id}/members/{coOwner.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await moderator.Http.DeleteAsync($"api/channels/{channel.Id}/members/{member.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await owner.Http.DeleteAsync($"api/channels/{channel.Id}/members/{coOwner.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await owner.Http.DeleteAsync($"api/channels/{channel.Id}/members/{member.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");

        (await owner.GetAsync<Page<ChannelMemberResponse>>($"api/channels/{channel.Id}/members")).Items.Select(m => m.UserId).Order()
            .ShouldBe(new[] { owner.Id, moderator.Id }.Order());
        (await member.GetAsync<Page<ChannelResponse>>("api/channels")).Items.ShouldNotContain(c => c.Id == channel.Id);
    }

    [Fact]
    public async Task Roles_change_to_each_value_and_answer_the_member()
    {
        var owner = await app.RegisterAsync("owner");
        var member = await app.RegisterAsync("member");
        var channel = await owner.CreateChannelAsync("roles");
        await member.JoinAsync(channel);

        (await owner.SetRoleAsync(channel, member, ChannelRole.Admin)).Role.ShouldBe(ChannelRole.Admin);
        (await member.ChannelAsync(channel)).MyRole.ShouldBe(ChannelRole.Admin);
        (await owner.SetRoleAsync(channel, member, ChannelRole.Owner)).Role.ShouldBe(ChannelRole.Owner);
        (await member.SetRoleAsync(channel, owner, ChannelRole.Member)).Role.ShouldBe(ChannelRole.Member);
        await (await owner.Http.PatchAsJsonAsync($"api/channels/{channel.Id}/members/{Guid.NewGuid()}", new { role = "admin" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.Http.PatchAsJsonAsync($"api/channels/{channel.Id}/members/{Guid.NewGuid()}", new { role = "admin" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
