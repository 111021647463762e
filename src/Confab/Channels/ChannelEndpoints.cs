using Confab.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Confab.Channels;

public static class ChannelEndpoints
{
    public static WebApplicationBuilder AddConfabChannels(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ChannelAccess>();
        builder.Services.AddScoped<ChannelService>();
        builder.Services.AddScoped<MemberService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapChannelEndpoints(this IEndpointRouteBuilder app)
    {
        var channels = app.MapGroup("/api/channels").RequireAuthorization().WithTags("Channels").ProducesConfabProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        channels.MapPost("/", Create);
        channels.MapGet("/", ListMine);
        channels.MapGet("/browse", Browse);
        channels.MapPost("/direct", OpenDirect);
        channels.MapGet("/{id}", Get);
        channels.MapPatch("/{id}", Update);
        channels.MapDelete("/{id}", Archive);
        channels.MapPost("/{id}/join", Join);
        channels.MapPost("/{id}/leave", Leave);
        channels.MapGet("/{id}/members", ListMembers);
        channels.MapPost("/{id}/members", AddMember);
        channels.MapDelete("/{id}/members/{userId}", RemoveMember);
        channels.MapPatch("/{id}/members/{userId}", SetRole);
        channels.MapPut("/{id}/read", MarkRead);
        channels.MapPut("/{id}/mute", Mute);
        return app;
    }

    static async Task<Created<ChannelResponse>> Create(
        CreateChannelRequest request, ChannelService service, CurrentUser me, CancellationToken ct)
    {
        var channel = await service.CreateAsync(me, request, ct);
        return TypedResults.Created($"/api/channels/{channel.Id}", channel);
    }

    static async Task<Ok<Page<ChannelResponse>>> ListMine(ChannelService service, CurrentUser me, CancellationToken ct) =>
        TypedResults.Ok(await service.ListMineAsync(me, ct));

    static async Task<Ok<Page<ChannelResponse>>> Browse(
        ChannelService service, CurrentUser me, CancellationToken ct, string? query = null, string? cursor = null, int? limit = null) =>
        TypedResults.Ok(await service.BrowseAsync(me, query, cursor, limit, ct));

    static async Task<Results<Ok<ChannelResponse>, Created<ChannelResponse>>> OpenDirect(
        UserIdRequest request, ChannelService service, CurrentUser me, CancellationToken ct)
    {
        var (channel, created) = await service.OpenDirectAsync(me, request.UserId!.Value, ct);
        return created ? TypedResults.Created($"/api/channels/{channel.Id}", channel) : TypedResults.Ok(channel);
    }

    static async Task<Ok<ChannelResponse>> Get(Guid id, ChannelService service, CurrentUser me, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(me, id, ct));

    static async Task<Ok<ChannelResponse>> Update(
        Guid id, UpdateChannelRequest request, ChannelService service, CurrentUser me, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAsync(me, id, request, ct));

    static async Task<NoContent> Archive(Guid id, ChannelService service, CurrentUser me, CancellationToken ct)
    {
        await service.ArchiveAsync(me, id, ct);
        return TypedResults.NoContent();
    }

    static async Task<Ok<ChannelResponse>> Join(Guid id, MemberService service, CurrentUser me, CancellationToken ct) =>
        TypedResults.Ok(await service.JoinAsync(me, id, ct));

    static async Task<NoContent> Leave(Guid id, MemberService service, CurrentUser me, CancellationToken ct)
    {
        await service.LeaveAsync(me, id, ct);
        return TypedResults.NoContent();
    }

    static async Task<Ok<Page<ChannelMemberResponse>>> ListMembers(
        Guid id, MemberService service, CurrentUser me, CancellationToken ct, string? cursor = null, int? limit = null) =>
        TypedResults.Ok(await service.ListAsync(me, id, cursor, limit, ct));

    static async Task<Results<Ok<ChannelMemberResponse>, Created<ChannelMemberResponse>>> AddMember(
        Guid id, UserIdRequest request, MemberService service, CurrentUser me, CancellationToken ct)
    {
        var (member, added) = await service.AddMemberAsync(me, id, request.UserId!.Value, ct);
        return added
            ? TypedResults.Created($"/api/channels/{id}/members/{member.UserId}", member)
            : TypedResults.Ok(member);
    }

    static async Task<NoContent> RemoveMember(Guid id, Guid userId, MemberService service, CurrentUser me, CancellationToken ct)
    {
        await service.RemoveMemberAsync(me, id, userId, ct);
        return TypedResults.NoContent();
    }

    static async Task<Ok<ChannelMemberResponse>> SetRole(
        Guid id, Guid userId, UpdateMemberRequest request, MemberService service, CurrentUser me, CancellationToken ct) =>
        TypedResults.Ok(await service.SetRoleAsync(me, id, userId, request.Role!.Value, ct));

    static async Task<NoContent> MarkRead(Guid id, SeqRequest request, MemberService service, CurrentUser me, CancellationToken ct)
    {
        await service.MarkReadAsync(me, id, request.Seq!.Value, ct);
        return TypedResults.NoContent();
    }

    static async Task<NoContent> Mute(Guid id, MuteRequest request, MemberService service, CurrentUser me, CancellationToken ct)
    {
        await service.MuteAsync(me, id, request.Muted!.Value, ct);
        return TypedResults.NoContent();
    }
}
