using Confab.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Confab.Messages;

public static class MessageEndpoints
{
    public static WebApplicationBuilder AddConfabMessages(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MessageReader>();
        builder.Services.AddScoped<MentionResolver>();
        builder.Services.AddScoped<MessageService>();
        builder.Services.AddSingleton<MessageWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MessageWriter>());
        builder.Services.AddScoped<MessageQueries>();
        builder.Services.AddSingleton<MessageHistory>();
        builder.Services.AddScoped<SearchService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMessageEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Messages").ProducesConfabProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/channels/{id}/messages", Post);
        api.MapGet("/channels/{id}/messages", History);
        api.MapGet("/messages/{id}", Get);
        api.MapGet("/messages/{id}/replies", Replies);
        api.MapPatch("/messages/{id}", Edit);
        api.MapDelete("/messages/{id}", Delete);
        api.MapPut("/messages/{id}/reactions/{emoji}", React);
        api.MapDelete("/messages/{id}/reactions/{emoji}", Unreact);
        api.MapGet("/search/messages", Search);
        return app;
    }

    static async Task<Results<Created<MessageResponse>, Ok<MessageResponse>>> Post(
        Guid id, PostMessageRequest request, MessageService service, CurrentUser me, CancellationToken ct)
    {
        var (message, created) = await service.PostAsync(me, id, request.Content, request.ClientMessageId, request.ParentId, ct);
        return created ? TypedResults.Created($"/api/messages/{message.Id}", message) : TypedResults.Ok(message);
    }

    static Ok<MessagePage> History(
        Guid id, MessageHistory history, CurrentUser me, long? before = null, long? after = null, int? limit = null) =>
        TypedResults.Ok(history.Read(me, id, before, after, limit));

    static async Task<Ok<MessageResponse>> Get(Guid id, MessageQueries queries, CurrentUser me, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(me, id, ct));

    static async Task<Ok<MessagePage>> Replies(
        Guid id, MessageQueries queries, CurrentUser me, CancellationToken ct, long? after = null, int? limit = null) =>
        TypedResults.Ok(await queries.RepliesAsync(me, id, after, limit, ct));

    static async Task<Ok<MessageResponse>> Edit(
        Guid id, EditMessageRequest request, MessageService service, CurrentUser me, CancellationToken ct) =>
        TypedResults.Ok(await service.EditAsync(me, id, request.Content, ct));

    static async Task<NoContent> Delete(Guid id, MessageService service, CurrentUser me, CancellationToken ct)
    {
        await service.DeleteAsync(me, id, ct);
        return TypedResults.NoContent();
    }

    static async Task<NoContent> React(Guid id, string emoji, MessageService service, CurrentUser me, CancellationToken ct)
    {
        await service.ReactAsync(me, id, emoji, add: true, ct);
        return TypedResults.NoContent();
    }

    static async Task<NoContent> Unreact(Guid id, string emoji, MessageService service, CurrentUser me, CancellationToken ct)
    {
        await service.ReactAsync(me, id, emoji, add: false, ct);
        return TypedResults.NoContent();
    }

    static async Task<Ok<Page<MessageResponse>>> Search(
        SearchService search, CurrentUser me, CancellationToken ct,
        string? q = null, Guid? channelId = null, string? cursor = null, int? limit = null) =>
        TypedResults.Ok(await search.SearchAsync(me, q, channelId, cursor, limit, ct));
}
