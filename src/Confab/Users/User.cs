using Confab.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Confab.Users;

public sealed class User
{
    public Guid Id { get; init; }
    public required string Username { get; set; }
    public required string Email { get; set; }
    /// <summary>Lower-cased email, for case-insensitive uniqueness on every provider.</summary>
    public required string NormalizedEmail { get; set; }
    public required string DisplayName { get; set; }
    public string PasswordHash { get; set; } = "";
    public Role Role { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; init; }
    public DateTime? LastSeenAt { get; set; }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.Property(u => u.Username).HasMaxLength(32);
        user.HasIndex(u => u.Username).IsUnique();
        user.Property(u => u.Email).HasMaxLength(320);
        user.Property(u => u.NormalizedEmail).HasMaxLength(320);
        user.HasIndex(u => u.NormalizedEmail).IsUnique();
        user.Property(u => u.DisplayName).HasMaxLength(256);
        user.HasIndex(u => u.DisplayName);
        user.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
    }
}
