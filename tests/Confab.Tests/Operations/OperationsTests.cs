using System.Diagnostics.Metrics;
using System.Text.Json;
using Confab.Messages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Confab.Tests.Operations;

public sealed class OperationsTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task Health_endpoints_answer_without_a_token()
    {
        using var http = app.Anonymous();

        var live = await http.GetAsync("health/live");
        var ready = await http.GetAsync("health/ready");

        (live.StatusCode, await live.Content.ReadAsStringAsync()).ShouldBe((HttpStatusCode.OK, "Healthy"));
        (ready.StatusCode, await ready.Content.ReadAsStringAsync()).ShouldBe((HttpStatusCode.OK, "Healthy"));
    }

    [Fact]
    public async Task The_docs_page_is_html()
    {
        using var http = app.Anonymous();

        var response = await http.GetAsync("docs");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Confab API");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint_with_its_schemas()
    {
        using var http = app.Anonymous();
        using var document = JsonDocument.Parse(await http.GetStringAsync("openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => (Path: e.RoutePattern.RawText!.TrimEnd('/'), Method: method)))
            .ToList();
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(40);

        var missing = new List<string>();
        foreach (var (path, method) in endpoints)
        {
            if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                missing.Add($"{method} {path}: not documented");
                continue;
            }
            if (method is "POST" or "PUT" or "PATCH" && HasJsonBody(path, method)
                && !(operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out _)))
                missing.Add($"{method} {path}: no JSON request body schema");
            var responses = operation.GetProperty("responses");
            var success = responses.EnumerateObject().FirstOrDefault(r => r.Name.StartsWith('2'));
            if (success.Value.ValueKind == JsonValueKind.Undefined)
                missing.Add($"{method} {path}: no success response");
            else if (success.Name != "204" && !success.Value.TryGetProperty("content", out _))
                missing.Add($"{method} {path}: no response schema for {success.Name}");
        }
        missing.ShouldBeEmpty();
        document.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("MessageResponse", out _).ShouldBeTrue();
    }

    // Endpoints whose request has a JSON body, by the contract.
    static bool HasJsonBody(string path, string method) => (method, path) switch
    {
        ("POST", _) when path.EndsWith("/join", StringComparison.Ordinal) || path.EndsWith("/leave", StringComparison.Ordinal)
            || path.EndsWith("/read", StringComparison.Ordinal) || path.EndsWith("/read-all", StringComparison.Ordinal) => false,
        ("PUT", _) when path.Contains("/reactions/", StringComparison.Ordinal) => false,
        _ => true,
    };

    [Fact]
    public async Task Metrics_have_http_and_posted_message_series()
    {
        var user = await app.RegisterAsync("metered");
        var channel = await user.CreateChannelAsync("metrics");
        await user.PostAsync(channel, "counted");
        using var http = app.Anonymous();

        var response = await http.GetAsync("metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("http_server_request_duration_seconds_count{");
        text.Split('\n').ShouldContain(line => line.StartsWith("confab_messages_posted_total", StringComparison.Ordinal) && !line.EndsWith(" 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_commit_of_posted_messages_is_timed()
    {
        var user = await app.RegisterAsync("timed");
        var channel = await user.CreateChannelAsync("commits");
        // This server's own instrument: test servers in one process would otherwise see each other's in /metrics.
        using var commits = new MetricCollector<double>(app.Services.GetRequiredService<IMeterFactory>(),
            ConfabMetrics.MeterName, "confab.messages.commit.duration");

        await user.PostAsync(channel, "first");
        await user.PostAsync(channel, "second");

        var timed = commits.GetMeasurementSnapshot();
        timed.Count.ShouldBe(2);
        timed.ShouldAllBe(commit => commit.Value > 0 && commit.Value < 30);
        using var http = app.Anonymous();
        (await http.GetStringAsync("metrics")).ShouldContain("confab_messages_commit_duration_seconds_bucket{");
    }
}
