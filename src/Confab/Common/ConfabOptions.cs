using System.ComponentModel.DataAnnotations;

namespace Confab.Common;

/// <summary>The <c>Confab</c> configuration section.</summary>
public sealed class ConfabOptions
{
    public const string Section = "Confab";

    /// <summary>Holds the SQLite file and the generated signing key.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    public string DataPath(string fileName)
    {
        Directory.CreateDirectory(DataDirectory);
        return Path.Combine(Path.GetFullPath(DataDirectory), fileName);
    }
}
