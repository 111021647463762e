namespace Confab.Tests.Channels;

public sealed class DirectChannelTests(CastFactory app) : IClassFixture<CastFactory>
{
    [Fact]
    public async Task A_direct_channel_has_no_name_and_both_users_are_plain_members()
    {
        var ann = await app.RegisterAsync("ann");
        var bob = await app.RegisterAsync("bob");

        var (created, status) = await ann.OpenDirectAsync(bob);
        var (again, secondStatus) = await bob.OpenDirectAsync(ann);

        (status, secondStatus).ShouldBe((HttpStatusCode.Created, HttpStatusCode.OK));
        again.Id.ShouldBe(created.Id);
        (created.Name, created.Type, created.MemberCount, created.MyRole).ShouldBe(((string?)null, ChannelType.Direct, 2, (ChannelRole?)ChannelRole.Member));
        var members = await ann.GetAsync<Page<ChannelMemberResponse>>($"api/channels/{created.Id}/members");
        members.Items.Select(m => m.Role).ShouldBe([ChannelRole.Member, ChannelRole.Member]);
        members.Items.Select(m => m.UserId).Order().ShouldBe(new[] { ann.Id, bob.Id }.Order());
    }

    [Fact]
    public async Task A_direct_message_notifies_the_other_user()
    {
        var cid = await app.RegisterAsync("cid");
        var dan = await app.RegisterAsync("dan");
        var (direct, _) = await cid.OpenDirectAsync(dan);

        var message = await cid.PostAsync(direct, "psst");

        var notification = (await dan.NotificationsAsync()).Items.ShouldHaveSingleItem();
        (notification.Type, notification.MessageId, notification.Actor!.Id).ShouldBe((NotificationType.DirectMessage, message.Id, cid.Id));
        (await dan.ChannelAsync(direct)).UnreadCount.ShouldBe(1);
    }

    public static TheoryData<string> Forbidden => ["PATCH channel", "DELETE channel", "POST join", "POST leave", "POST members", "DELETE members/other", "PATCH members/other"];

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task Renaming_archiving_joining_leaving_and_managing_members_are_403(string action)
    {
        var eve = await app.RegisterAsync("eve");
        var fay = await app.RegisterAsync("fay");
        var third = await app.RegisterAsync("third");
        var (direct, _) = await eve.OpenDirectAsync(fay);
        var path = $"api/channels/{direct.Id}";

        var response = action switch
        {
            "PATCH channel" => await eve.Http.PatchAsJsonAsync(path, new { name = "ours" }),
            "DELETE channel" => await eve.Http.DeleteAsync(path),
            "POST join" => await eve.Http.PostAsync($"{path}/join", null),
            "POST leave" => await eve.Http.PostAsync($"{path}/leave", null),
            "POST members" => await eve.Http.PostAsJsonAsync($"{path}/members", new { userId = third.Id }),
            "DELETE members/other" => await eve.Http.DeleteAsync($"{path}/members/{fay.Id}"),
            "PATCH members/other" => await eve.Http.PatchAsJsonAsync($"{path}/members/{fay.Id}", new { role = "owner" }),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await fay.ChannelAsync(direct)).ShouldBeEquivalentTo(direct with { MyRole = ChannelRole.Member });
    }

    [Fact]
    public async Task Others_including_global_admins_cannot_see_a_direct_channel()
    {
        var gus = await app.RegisterAsync("gus");
        var hal = await app.RegisterAsync("hal");
        var (direct, _) = await gus.OpenDirectAsync(hal);
        var message = await gus.PostAsync(direct, "between us");

        foreach (var other in new[] { app.Cast.GlobalAdmin, app.Cast.NonMember })
        {
            await (await other.Http.GetAsync($"api/channels/{direct.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
            await (await other.Http.GetAsync($"api/channels/{direct.Id}/messages")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
            await (await other.Http.GetAsync($"api/messages/{message.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
            await (await other.Http.DeleteAsync($"api/messages/{message.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
            await (await other.Http.PostAsync($"api/channels/{direct.Id}/join", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        }
    }

    [Fact]
    public async Task A_direct_channel_with_oneself_or_an_unknown_user_is_refused()
    {
        var ivy = await app.RegisterAsync("ivy");

        var self = await ivy.Http.PostAsJsonAsync("api/channels/direct", new { userId = ivy.Id });
        var unknown = await ivy.Http.PostAsJsonAsync("api/channels/direct", new { userId = Guid.NewGuid() });

        (await self.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).Errors!.Keys.ShouldBe(["userId"]);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Parallel_requests_for_the_same_pair_give_one_channel_one_201_and_the_rest_200()
    {
        var jon = await app.RegisterAsync("jon");
        var kim = await app.RegisterAsync("kim");

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => i % 2 == 0 ? jon.OpenDirectAsync(kim) : kim.OpenDirectAsync(jon)));

        results.Select(r => r.Channel.Id).Distinct().Count().ShouldBe(1);
        results.Count(r => r.Status == HttpStatusCode.Created).ShouldBe(1);
        results.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(11);
        (await jon.GetAsync<Page<ChannelResponse>>("api/channels")).Items.Count(c => c.Type == ChannelType.Direct).ShouldBe(1);
        (await kim.GetAsync<Page<ChannelResponse>>("api/channels")).Items.Count(c => c.Type == ChannelType.Direct).ShouldBe(1);
    }
}
