namespace Confab.Tests.Channels;

public sealed class ChannelTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task Creating_a_channel_makes_the_caller_its_owner()
    {
        var ann = await app.RegisterAsync("ann");
        var name = Unique("Design");

        var response = await ann.Http.PostAsJsonAsync("api/channels", new { name = $"  {name} ", type = "private", topic = "pixels" });

        var channel = await response.ReadAsync<ChannelResponse>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/channels/{channel.Id}");
        (channel.Name, channel.Type, channel.Topic, channel.CreatedBy).ShouldBe((name, ChannelType.Private, "pixels", ann.Id));
        (channel.MemberCount, channel.LastSeq, channel.ArchivedAt).ShouldBe((1, 0L, (DateTime?)null));
        (channel.MyRole, channel.LastReadSeq, channel.UnreadCount, channel.Muted).ShouldBe(((ChannelRole?)ChannelRole.Owner, (long?)0, (int?)0, (bool?)false));
        (await ann.ChannelAsync(channel)).ShouldBeEquivalentTo(channel);
    }

    [Fact]
    public async Task Channel_names_are_unique_case_insensitively()
    {
        var bob = await app.RegisterAsync("bob");
        var name = Unique("Ops");
        await (await bob.Http.PostAsJsonAsync("api/channels", new { name, type = "public" })).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var other = await bob.CreateChannelAsync("other");

        var again = await bob.Http.PostAsJsonAsync("api/channels", new { name = name.ToUpperInvariant(), type = "private" });
        var rename = await bob.Http.PatchAsJsonAsync($"api/channels/{other.Id}", new { name = name.ToLowerInvariant() });

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        await rename.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Patching_renames_and_sets_the_topic()
    {
        var cid = await app.RegisterAsync("cid");
        var channel = await cid.CreateChannelAsync("old");
        var name = Unique("new");

        var renamed = await (await cid.Http.PatchAsJsonAsync($"api/channels/{channel.Id}", new { name }))
            .ReadAsync<ChannelResponse>(HttpStatusCode.OK);
        var topical = await (await cid.Http.PatchAsJsonAsync($"api/channels/{channel.Id}", new { topic = "  weekly sync " }))
            .ReadAsync<ChannelResponse>(HttpStatusCode.OK);
        var same = await (await cid.Http.PatchAsJsonAsync($"api/channels/{channel.Id}", new { name = name.ToUpperInvariant() }))
            .ReadAsync<ChannelResponse>(HttpStatusCode.OK);

        (renamed.Name, renamed.Topic).ShouldBe((name, ""));
        (topical.Name, topical.Topic).ShouldBe((name, "weekly sync"));
        same.Name.ShouldBe(name.ToUpperInvariant());
    }

    [Fact]
    public async Task Listing_gives_all_my_channels_including_direct_ones_and_no_others()
    {
        var dan = await app.RegisterAsync("dan");
        var eve = await app.RegisterAsync("eve");
        var mine = await dan.CreateChannelAsync("mine", ChannelType.Private);
        var joined = await eve.CreateChannelAsync("joined");
        await dan.JoinAsync(joined);
        await eve.CreateChannelAsync("not-mine");
        var (direct, _) = await dan.OpenDirectAsync(eve);

        var list = await dan.GetAsync<Page<ChannelResponse>>("api/channels");

        list.Items.Select(c => c.Id).Order().ShouldBe(new[] { mine.Id, joined.Id, direct.Id }.Order());
        list.NextCursor.ShouldBeNull();
        list.Items.Single(c => c.Id == joined.Id).MyRole.ShouldBe(ChannelRole.Member);
    }

    [Fact]
    public async Task Browsing_lists_public_unarchived_channels_by_name_in_pages()
    {
        var fay = await app.RegisterAsync("fay");
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { $"b-{tag}", $"A-{tag}", $"c-{tag}", $"d-{tag}" })
            await (await fay.Http.PostAsJsonAsync("api/channels", new { name, type = "public" })).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await fay.Http.PostAsJsonAsync("api/channels", new { name = $"p-{tag}", type = "private" })).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var archived = await (await fay.Http.PostAsJsonAsync("api/channels", new { name = $"e-{tag}", type = "public" })).ReadAsync<ChannelResponse>(HttpStatusCode.Created);
        await fay.ArchiveAsync(archived);
        var stranger = await app.RegisterAsync("stranger");

        var first = await stranger.GetAsync<Page<ChannelResponse>>($"api/channels/browse?query={tag.ToUpperInvariant()}&limit=3");
        var second = await stranger.GetAsync<Page<ChannelResponse>>($"api/channels/browse?query={tag}&limit=3&cursor={first.NextCursor}");

        first.Items.Select(c => c.Name).ShouldBe([$"A-{tag}", $"b-{tag}", $"c-{tag}"]);
        first.Items.ShouldAllBe(c => c.MyRole == null && c.LastReadSeq == null && c.UnreadCount == null && c.Muted == null);
        second.Items.Select(c => c.Name).ShouldBe([$"d-{tag}"]);
        second.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task A_private_channel_is_not_found_for_non_members()
    {
        var owner = await app.RegisterAsync("olivia");
        var outsider = await app.RegisterAsync("oscar");
        var secret = await owner.CreateChannelAsync("secret", ChannelType.Private);

        var response = await outsider.Http.GetAsync($"api/channels/{secret.Id}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
