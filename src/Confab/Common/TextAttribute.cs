using System.ComponentModel.DataAnnotations;

namespace Confab.Common;

/// <summary>
/// The contract's text rule: length in Unicode code points after trimming, and no control
/// characters other than newline and tab. A null value is left to <see cref="RequiredAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TextAttribute(int minLength, int maxLength) : ValidationAttribute
{
    public int MinLength { get; } = minLength;
    public int MaxLength { get; } = maxLength;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text)
            return ValidationResult.Success;
        var error = Check(text, MinLength, MaxLength);
        return error is null
            ? ValidationResult.Success
            : new ValidationResult(error, validationContext.MemberName is { } member ? [member] : null);
    }

    /// <summary>The reason <paramref name="text"/> breaks the rule, or null when it is fine.</summary>
    public static string? Check(string text, int minLength, int maxLength)
    {
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\t')))
            return "Control characters other than newline and tab are not allowed.";
        var length = 0;
        foreach (var _ in text.AsSpan().Trim().EnumerateRunes())
            length++;
        return length < minLength || length > maxLength
            ? $"Must be {minLength} to {maxLength} characters long after trimming."
            : null;
    }
}
