using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;

namespace Confab.Common;

public static class ProblemDetailsSetup
{
    /// <summary>Every error answer is problem details carrying the contract's <c>code</c>.</summary>
    public static WebApplicationBuilder AddConfabProblemDetails(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (!problem.Extensions.ContainsKey("code"))
            {
                problem.Extensions["code"] = problem is HttpValidationProblemDetails && status == StatusCodes.Status400BadRequest
                    ? "validation_failed"
                    : ErrorCodes.ForStatus(status);
            }
            problem.Extensions.Remove("exception");
            if (problem is HttpValidationProblemDetails validation)
                CamelCaseFields(validation.Errors);
        });
        builder.Services.AddExceptionHandler<ConfabExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options => JsonSetup.Configure(options.SerializerOptions));
        return builder;
    }

    // Field names in errors match the JSON the client sent, not the C# property names.
    static void CamelCaseFields(IDictionary<string, string[]> errors)
    {
        foreach (var field in errors.Keys.ToList())
        {
            var camel = string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
            if (camel == field)
                continue;
            errors[camel] = errors[field];
            errors.Remove(field);
        }
    }

    public static WebApplication UseConfabProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Documents the problem answers every endpoint of a group can give.</summary>
    public static RouteGroupBuilder ProducesConfabProblems(this RouteGroupBuilder group)
    {
        group.ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}
