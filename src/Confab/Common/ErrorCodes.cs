namespace Confab.Common;

/// <summary>The contract's default code for each status, for errors raised by the framework rather than by Confab.</summary>
public static class ErrorCodes
{
    public static string ForStatus(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        _ when status >= 500 => "internal_error",
        _ => "error",
    };
}
