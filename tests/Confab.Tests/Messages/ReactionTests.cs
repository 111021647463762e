namespace Confab.Tests.Messages;

public sealed class ReactionTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task Reactions_are_idempotent_counted_and_leave_the_list_at_zero()
    {
        var ann = await app.RegisterAsync("ann");
        var bob = await app.RegisterAsync("bob");
        var channel = await ann.CreateChannelAsync("reactions");
        await bob.JoinAsync(channel);
        var message = await ann.PostAsync(channel, "ship it?");
        var thumbs = Uri.EscapeDataString("👍");

        await (await ann.Http.PutAsync($"api/messages/{message.Id}/reactions/{thumbs}", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await ann.Http.PutAsync($"api/messages/{message.Id}/reactions/{thumbs}", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await bob.Http.PutAsync($"api/messages/{message.Id}/reactions/{thumbs}", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await bob.Http.PutAsync($"api/messages/{message.Id}/reactions/rocket", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        (await ann.MessageAsync(message.Id)).Reactions.ShouldBe([new ReactionSummary("👍", 2, true), new ReactionSummary("rocket", 1, false)]);
        (await bob.MessageAsync(message.Id)).Reactions.ShouldBe([new ReactionSummary("👍", 2, true), new ReactionSummary("rocket", 1, true)]);

        await (await bob.Http.DeleteAsync($"api/messages/{message.Id}/reactions/rocket")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await bob.Http.DeleteAsync($"api/messages/{message.Id}/reactions/rocket")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await ann.Http.DeleteAsync($"api/messages/{message.Id}/reactions/{thumbs}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        (await ann.MessageAsync(message.Id)).Reactions.ShouldBe([new ReactionSummary("👍", 1, false)]);
    }
}
