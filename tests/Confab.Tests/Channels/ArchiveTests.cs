namespace Confab.Tests.Channels;

public sealed class ArchiveTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task Archiving_sets_archivedAt_keeps_history_and_hides_the_channel_from_browse()
    {
        var ann = await app.RegisterAsync("ann");
        var channel = await ann.CreateChannelAsync("retired");
        var message = await ann.PostAsync(channel, "last words");

        await ann.ArchiveAsync(channel);

        var archived = await ann.ChannelAsync(channel);
        archived.ArchivedAt.ShouldNotBeNull();
        (await ann.HistoryAsync(channel)).Items.Select(m => m.Id).ShouldBe([message.Id]);
        var browse = await ann.GetAsync<Page<ChannelResponse>>($"api/channels/browse?query={Uri.EscapeDataString(channel.Name!)}");
        browse.Items.ShouldBeEmpty();
        (await ann.GetAsync<Page<ChannelResponse>>("api/channels")).Items.Select(c => c.Id).ShouldContain(channel.Id);
    }

    public static TheoryData<string> Writes => new()
    {
        "PATCH channel", "DELETE channel", "POST join (newcomer)", "POST messages", "POST reply", "PATCH message", "DELETE message",
        "PUT reaction", "DELETE reaction", "POST members", "DELETE members/member", "PATCH members/member",
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Every_write_to_an_archived_channel_is_409_channel_archived(string write)
    {
        var (owner, member, newcomer, channel, message) = await ArchivedChannelAsync();
        var http = write == "POST join (newcomer)" ? newcomer.Http : owner.Http;
        var path = $"api/channels/{channel.Id}";
        var ownMessage = $"api/messages/{message.Id}";

        var response = write switch
        {
            "PATCH channel" => await http.PatchAsJsonAsync(path, new { topic = "x" }),
            "DELETE channel" => await http.DeleteAsync(path),
            "POST join (newcomer)" => await http.PostAsync($"{path}/join", null),
            "POST messages" => await http.PostAsJsonAsync($"{path}/messages", new { content = "x" }),
            "POST reply" => await http.PostAsJsonAsync($"{path}/messages", new { content = "x", parentId = message.Id }),
            "PATCH message" => await http.PatchAsJsonAsync(ownMessage, new { content = "x" }),
            "DELETE message" => await http.DeleteAsync(ownMessage),
            "PUT reaction" => await http.PutAsync($"{ownMessage}/reactions/ok", null),
            "DELETE reaction" => await http.DeleteAsync($"{ownMessage}/reactions/ok"),
            "POST members" => await http.PostAsJsonAsync($"{path}/members", new { userId = newcomer.Id }),
            "DELETE members/member" => await http.DeleteAsync($"{path}/members/{member.Id}"),
            "PATCH members/member" => await http.PatchAsJsonAsync($"{path}/members/{member.Id}", new { role = "admin" }),
            _ => throw new ArgumentOutOfRangeException(nameof(write)),
        };

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "channel_archived");
    }

    [Fact]
    public async Task A_member_may_still_move_their_read_cursor_mute_and_leave()
    {
        var (owner, member, _, channel, _) = await ArchivedChannelAsync();

        await member.MarkReadAsync(channel, 1);
        await (await member.Http.PutAsJsonAsync($"api/channels/{channel.Id}/mute", new { muted = true })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var seen = await member.ChannelAsync(channel);
        await (await member.Http.PostAsync($"api/channels/{channel.Id}/leave", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        (seen.LastReadSeq, seen.UnreadCount, seen.Muted).ShouldBe(((long?)1, (int?)0, (bool?)true));
        (await owner.ChannelAsync(channel)).MemberCount.ShouldBe(1);
    }

    async Task<(TestUser Owner, TestUser Member, TestUser Newcomer, ChannelResponse Channel, MessageResponse Message)> ArchivedChannelAsync()
    {
        var owner = await app.RegisterAsync("keeper");
        var member = await app.RegisterAsync("member");
        var newcomer = await app.RegisterAsync("late");
        var channel = await owner.CreateChannelAsync("archive");
        await member.JoinAsync(channel);
        var message = await owner.PostAsync(channel, "before the archive");
        await (await owner.Http.PutAsync($"api/messages/{message.Id}/reactions/ok", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await owner.ArchiveAsync(channel);
        return (owner, member, newcomer, channel, message);
    }
}
