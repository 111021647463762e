using System.ComponentModel.DataAnnotations;

namespace Confab.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [RegularExpression("^(sqlite)$", ErrorMessage = "Database:Provider must be 'sqlite'.")]
    public string Provider { get; set; } = "sqlite";
}
