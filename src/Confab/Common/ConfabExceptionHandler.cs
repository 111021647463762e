using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Confab.Common;

/// <summary>Turns expected failures into problem details; anything else is a logged 500.</summary>
public sealed partial class ConfabExceptionHandler(IProblemDetailsService problems, ILogger<ConfabExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ConfabError error => FromConfabError(error),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Detail = bad.StatusCode == StatusCodes.Status400BadRequest ? ReadableDetail(bad) : bad.Message,
            },
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Detail = "An unexpected error occurred." };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is ConfabError { Status: StatusCodes.Status429TooManyRequests })
            httpContext.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    static ProblemDetails FromConfabError(ConfabError error)
    {
        ProblemDetails problem = error.Errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(error.Errors);
        problem.Status = error.Status;
        problem.Detail = error.Message;
        problem.Extensions["code"] = error.Code;
        return problem;
    }

    // The framework's message names the parameter and the failure without echoing the body.
    static string ReadableDetail(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json
            ? $"The request body is not valid JSON for this endpoint (at {json.Path ?? "$"})."
            : bad.Message;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
