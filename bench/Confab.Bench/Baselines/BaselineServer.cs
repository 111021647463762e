using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Confab.Bench.Baselines;

/// <summary>
/// The baseline servers, run as a child process of the benchmark (<c>serve-baseline PORT</c>)
/// so they are measured exactly as Confab is: a plain Kestrel hello-world JSON endpoint for
/// REST and the raw WebSocket fan-out for delivery.
/// </summary>
public static class BaselineServer
{
    public const string Command = "serve-baseline";

    public static async Task RunAsync(int port)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        WebApplication app = builder.Build();
        app.UseWebSockets();
        RawFanoutServer fanout = new();
        app.MapGet("/health", () => "ok");
        app.MapGet("/hello", () => TypedResults.Ok(new Greeting("Hello, World!")));
        app.Map("/ws", fanout.HandleAsync);
        await app.RunAsync();
    }
}
