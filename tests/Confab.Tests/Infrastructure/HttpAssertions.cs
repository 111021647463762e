namespace Confab.Tests.Infrastructure;

/// <summary>Problem details as the contract defines them.</summary>
public sealed record Problem(int Status, string? Title, string? Detail, string Code, Dictionary<string, string[]>? Errors);

public static class HttpAssertions
{
    /// <summary>Asserts the status, then reads the body; on a wrong status the failure shows the body.</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, Json.Options)!;
    }

    /// <summary>Asserts a status without a body to read (204 and friends), showing the body when it differs.</summary>
    public static async Task ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode expected) =>
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());

    public static async Task<Problem> ReadProblemAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<Problem>(Json.Options))!;
    }

    /// <summary>Asserts a problem answer with this status and code.</summary>
    public static async Task<Problem> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = System.Text.Json.JsonSerializer.Deserialize<Problem>(body, Json.Options)!;
        problem.Code.ShouldBe(code, body);
        problem.Status.ShouldBe((int)status);
        return problem;
    }
}
