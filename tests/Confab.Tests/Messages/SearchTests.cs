using Confab.Data;
using Microsoft.EntityFrameworkCore;

namespace Confab.Tests.Messages;

public sealed class SearchTests(CastFactory app) : IClassFixture<CastFactory>
{
    static string Unique() => "w" + Guid.NewGuid().ToString("N")[..10];

    static async Task<Page<MessageResponse>> SearchAsync(TestUser user, string query) =>
        await user.GetAsync<Page<MessageResponse>>($"api/search/messages?{query}");

    static async Task<List<string>> ContentsAsync(TestUser user, string q, string extra = "") =>
        (await SearchAsync(user, $"q={Uri.EscapeDataString(q)}{extra}")).Items.Select(m => m.Content).ToList();

    [Fact]
    public async Task Every_word_must_match_by_prefix_case_insensitively_newest_first()
    {
        var ann = await app.RegisterAsync("ann");
        var channel = await ann.CreateChannelAsync("search");
        var tag = Unique();
        await ann.PostAsync(channel, $"{tag} Deploying the API");
        await ann.PostAsync(channel, $"{tag} deploy failed");
        await ann.PostAsync(channel, $"{tag} api docs");
        await ann.PostAsync(channel, $"{tag} redeploy later");

        (await ContentsAsync(ann, $"{tag} dep")).ShouldBe([$"{tag} deploy failed", $"{tag} Deploying the API"]);
        (await ContentsAsync(ann, $"{tag.ToUpperInvariant()} DEPLOY api")).ShouldBe([$"{tag} Deploying the API"]);
        (await ContentsAsync(ann, $"{tag} ploy")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Deleted_messages_never_match_and_edited_ones_match_their_current_text()
    {
        var bob = await app.RegisterAsync("bob");
        var channel = await bob.CreateChannelAsync("history");
        var tag = Unique();
        var deleted = await bob.PostAsync(channel, $"{tag} secret plans");
        var edited = await bob.PostAsync(channel, $"{tag} old wording");
        await (await bob.Http.DeleteAsync($"api/messages/{deleted.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await bob.Http.PatchAsJsonAsync($"api/messages/{edited.Id}", new { content = $"{tag} new wording" })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await ContentsAsync(bob, $"{tag} secret")).ShouldBeEmpty();
        (await ContentsAsync(bob, $"{tag} old")).ShouldBeEmpty();
        (await ContentsAsync(bob, $"{tag} new")).ShouldBe([$"{tag} new wording"]);
        (await ContentsAsync(bob, tag)).ShouldBe([$"{tag} new wording"]);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("deploy\" OR \"x")]
    [InlineData("(api* NEAR deploy) AND -x")]
    [InlineData("Content:deploy")]
    [InlineData("^deploy +api {x}")]
    [InlineData("*")]
    [InlineData("'; DROP TABLE Messages; --")]
    public async Task Query_syntax_characters_are_plain_text(string q)
    {
        var cid = await app.RegisterAsync("cid");
        var channel = await cid.CreateChannelAsync("syntax");
        var tag = Unique();
        var message = await cid.PostAsync(channel, $"{tag}: {q}");

        var hits = await SearchAsync(cid, $"q={Uri.EscapeDataString($"{tag} {q}")}");

        hits.Items.Select(m => m.Id).ShouldBe([message.Id]);
    }

    [Fact]
    public async Task Other_peoples_private_and_direct_channels_never_leak()
    {
        var insider = await app.RegisterAsync("insider");
        var friend = await app.RegisterAsync("friend");
        var outsider = await app.RegisterAsync("outsider");
        var secret = await insider.CreateChannelAsync("secret", ChannelType.Private);
        var open = await insider.CreateChannelAsync("open");
        var (direct, _) = await insider.OpenDirectAsync(friend);
        var tag = Unique();
        await insider.PostAsync(secret, $"{tag} private");
        await insider.PostAsync(direct, $"{tag} direct");
        await insider.PostAsync(open, $"{tag} public");

        (await ContentsAsync(outsider, tag)).ShouldBe([$"{tag} public"]);
        (await ContentsAsync(friend, tag)).ShouldBe([$"{tag} public", $"{tag} direct"]);
        (await ContentsAsync(insider, tag)).ShouldBe([$"{tag} public", $"{tag} direct", $"{tag} private"]);
        foreach (var hidden in new[] { secret, direct })
        {
            var response = await outsider.Http.GetAsync($"api/search/messages?q={tag}&channelId={hidden.Id}");
            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        }
        (await outsider.Http.GetAsync($"api/search/messages?q={tag}&channelId={Guid.NewGuid()}"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ChannelId_narrows_the_search_and_archived_channels_are_searched_too()
    {
        var dan = await app.RegisterAsync("dan");
        var first = await dan.CreateChannelAsync("first");
        var second = await dan.CreateChannelAsync("second");
        var tag = Unique();
        await dan.PostAsync(first, $"{tag} in first");
        await dan.PostAsync(second, $"{tag} in second");
        await dan.ArchiveAsync(second);

        (await ContentsAsync(dan, tag, $"&channelId={first.Id}")).ShouldBe([$"{tag} in first"]);
        (await ContentsAsync(dan, tag, $"&channelId={second.Id}")).ShouldBe([$"{tag} in second"]);
        (await ContentsAsync(dan, tag)).ShouldBe([$"{tag} in second", $"{tag} in first"]);
    }

    [Fact]
    public async Task Results_page_with_nextCursor()
    {
        var eve = await app.RegisterAsync("eve");
        var channel = await eve.CreateChannelAsync("pages");
        var tag = Unique();
        for (var i = 1; i <= 5; i++)
            await eve.PostAsync(channel, $"{tag} number {i}");

        var first = await SearchAsync(eve, $"q={tag}&limit=2");
        var second = await SearchAsync(eve, $"q={tag}&limit=2&cursor={first.NextCursor}");
        var third = await SearchAsync(eve, $"q={tag}&limit=2&cursor={second.NextCursor}");

        first.Items.Select(m => m.Seq).ShouldBe([5, 4]);
        second.Items.Select(m => m.Seq).ShouldBe([3, 2]);
        third.Items.Select(m => m.Seq).ShouldBe([1]);
        third.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task The_writer_indexes_stored_messages_without_waiting_for_a_search()
    {
        var fay = await app.RegisterAsync("fay");
        var channel = await fay.CreateChannelAsync("indexed");
        var first = await fay.PostAsync(channel, $"{Unique()} first");
        // The writer indexes after a batch once SearchIndex.Interval has passed since its last pass.
        await Task.Delay(SearchIndex.Interval);
        await fay.PostAsync(channel, $"{Unique()} second");

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await IndexedAsync(first.Id))
            await Task.Delay(20, deadline.Token);
    }

    async Task<bool> IndexedAsync(Guid messageId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDb>();
        var id = SqlValues.Text(messageId);
        return await db.Database.SqlQuery<long>($"""
            SELECT count(*) AS "Value" FROM MessageSearch WHERE rowid = (SELECT rowid FROM "Messages" WHERE "Id" = {id})
            """).SingleAsync() == 1;
    }

    [Fact]
    public async Task A_global_admin_searching_a_private_channel_by_id_finds_what_they_may_read()
    {
        var owner = await app.RegisterAsync("keeper");
        var secret = await owner.CreateChannelAsync("vault", ChannelType.Private);
        var tag = Unique();
        var message = await owner.PostAsync(secret, $"{tag} audited");
        var admin = app.Cast.GlobalAdmin;

        (await admin.HistoryAsync(secret)).Items.Select(m => m.Id).ShouldBe([message.Id]);
        (await SearchAsync(admin, $"q={tag}&channelId={secret.Id}")).Items.Select(m => m.Id).ShouldBe([message.Id]);
    }
}
