using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Confab.Tests.Infrastructure;

/// <summary>A real Confab server on a loopback port with a fresh SQLite file, shared by one test class.</summary>
public class ConfabFactory : WebApplicationFactory<Program>
{
    readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "confab-tests", Guid.NewGuid().ToString("N"));
    int userCounter;

    public ConfabFactory()
    {
        UseKestrel(0);
        StartServer();
    }

    /// <summary>Where the server keeps its database; deleted with the server unless <see cref="KeepsData"/>.</summary>
    public string DataDirectory => dataDirectory;

    /// <summary>True for a test that reads the database after the server has stopped; it deletes the directory itself.</summary>
    protected virtual bool KeepsData => false;

    /// <summary>Settings a test class may change, before the server starts.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
        .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Confab:DataDirectory"] = dataDirectory,
                ["RateLimiting:AuthPermitLimit"] = "100000",
                ["Logging:LogLevel:Default"] = "Warning",
                // Tests that watch a user go offline wait for the grace; a second keeps them quick.
                ["Realtime:OfflineGraceSeconds"] = "1",
            };
            foreach (var (key, value) in Settings)
                settings[key] = value;
            config.AddInMemoryCollection(settings);
        });
    }

    /// <summary>A plain client of the real server, with no token.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>Registers a new user with a unique name starting with <paramref name="name"/>.</summary>
    public async Task<TestUser> RegisterAsync(string name, string? displayName = null)
    {
        var username = $"{name}{Interlocked.Increment(ref userCounter)}".ToLowerInvariant();
        using var http = Anonymous();
        var response = await http.PostAsJsonAsync("api/auth/register",
            new { username, email = $"{username}@example.test", password = TestUser.Password, displayName });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var auth = (await response.Content.ReadFromJsonAsync<AuthResult>(Json.Options))!;
        return new TestUser(this, auth);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepsData && Directory.Exists(dataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
