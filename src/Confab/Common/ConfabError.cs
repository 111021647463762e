namespace Confab.Common;

/// <summary>An expected failure with a stable machine-readable code; mapped to problem details or a HubException.</summary>
public sealed class ConfabError(int status, string code, string detail, IDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public IDictionary<string, string[]>? Errors { get; } = errors;

    public static ConfabError NotFound(string what) =>
        new(StatusCodes.Status404NotFound, "not_found", $"The {what} does not exist.");

    public static ConfabError Forbidden(string detail) =>
        new(StatusCodes.Status403Forbidden, "forbidden", detail);

    public static ConfabError Unauthorized(string detail = "Missing, expired or invalid credentials.") =>
        new(StatusCodes.Status401Unauthorized, "unauthorized", detail);

    public static ConfabError Conflict(string detail, string code = "conflict") =>
        new(StatusCodes.Status409Conflict, code, detail);

    public static ConfabError BadRequest(string detail) =>
        new(StatusCodes.Status400BadRequest, "bad_request", detail);

    public static ConfabError Validation(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "validation_failed", message,
            new Dictionary<string, string[]> { [field] = [message] });

    public static ConfabError ChannelArchived() =>
        Conflict("The channel is archived and read-only.", "channel_archived");

    public static ConfabError RateLimited(string detail = "Too many requests; slow down.") =>
        new(StatusCodes.Status429TooManyRequests, "rate_limited", detail);
}
