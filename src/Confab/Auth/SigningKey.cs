using System.Security.Cryptography;
using System.Text;
using Confab.Common;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Confab.Auth;

/// <summary>The key that signs access tokens: configured, or generated on first start and kept so tokens survive restarts.</summary>
public sealed class SigningKey
{
    public SymmetricSecurityKey Key { get; }

    public SigningKey(IOptions<JwtOptions> jwt, IOptions<ConfabOptions> confab)
    {
        var configured = jwt.Value.SigningKey;
        Key = new SymmetricSecurityKey(string.IsNullOrEmpty(configured)
            ? LoadOrCreate(confab.Value.DataPath("signing.key"))
            : Encoding.UTF8.GetBytes(configured));
    }

    static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        var key = RandomNumberGenerator.GetBytes(64);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another node sharing the data directory won the race; use its key.
            File.Delete(temporary);
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        return key;
    }
}
