using System.Threading.RateLimiting;
using Confab.Common;
using Confab.Users;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Confab.Auth;

public static class AuthSetup
{
    public const string AdminPolicy = "admin";

    public static WebApplicationBuilder AddConfabAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<RememberingTokenHandler>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<AuthService>();
        services.AddHttpContextAccessor();
        services.AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Items[typeof(CurrentUser)]
            as CurrentUser ?? throw ConfabError.Unauthorized());

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenService, RememberingTokenHandler>((options, tokens, handler) =>
            {
                options.MapInboundClaims = false;
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(handler);
                options.TokenValidationParameters = tokens.ValidationParameters();
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = ReadHubQueryToken,
                    OnTokenValidated = RequireActiveUser,
                };
            });
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => context.Resource is HttpContext http
                && http.Items[typeof(CurrentUser)] is CurrentUser { IsAdmin: true }));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(AuthEndpoints.RateLimitPolicy, http =>
            {
                var limits = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitingOptions>>().Value;
                return limits.Enabled
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = limits.AuthPermitLimit,
                            Window = TimeSpan.FromSeconds(limits.AuthWindowSeconds),
                        })
                    : RateLimitPartition.GetNoLimiter("unlimited");
            });
        });
        return builder;
    }

    public static WebApplication UseConfabAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    // Browsers cannot set headers on WebSocket requests, so the hub also takes the token from the query string.
    static Task ReadHubQueryToken(MessageReceivedContext context)
    {
        if (context.HttpContext.Request.Path.StartsWithSegments("/hubs")
            && context.Request.Query["access_token"] is { Count: > 0 } token)
            context.Token = token;
        return Task.CompletedTask;
    }

    static async Task RequireActiveUser(TokenValidatedContext context)
    {
        var subject = context.Principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        var states = context.HttpContext.RequestServices.GetRequiredService<UserStateCache>();
        var user = Guid.TryParse(subject, out var id)
            ? await states.GetActiveAsync(id, context.HttpContext.RequestAborted)
            : null;
        if (user is null)
        {
            context.Fail("The user is unknown or deactivated.");
            return;
        }
        context.HttpContext.Items[typeof(CurrentUser)] = user;
    }

    static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(
            System.Globalization.CultureInfo.InvariantCulture);
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Detail = "Too many attempts; try again later." },
        });
    }
}
