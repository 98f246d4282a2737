namespace EduPortal.Domain.Common;

/// <summary>An expected failure a page can show to its user (messages are in Chinese).</summary>
public abstract record Error(string Message);

/// <summary>Not found, or outside the caller's jurisdiction: the two are deliberately indistinguishable.</summary>
public sealed record NotFoundError(string Message = "未找到该记录，或不在您的管辖范围内。") : Error(Message);

/// <summary>The caller may see the thing but the rules forbid the action.</summary>
public sealed record ForbiddenError(string Message) : Error(Message);

/// <summary>The action conflicts with the current state (duplicate, already done, stale).</summary>
public sealed record ConflictError(string Message) : Error(Message);

/// <summary>One message per offending field, keyed by the input's property name.</summary>
public sealed record ValidationError(IReadOnlyDictionary<string, string> Fields)
    : Error(string.Join("；", Fields.Values))
{
    public static ValidationError For(string field, string message) =>
        new(new Dictionary<string, string> { [field] = message });
}

public readonly record struct Result(Error? Error)
{
    public bool Succeeded => Error is null;
    public static Result Success { get; } = new((Error?)null);
    public static Result Fail(Error error) => new(error);
    public static implicit operator Result(Error error) => new(error);
}

public readonly record struct Result<T>(T? Value, Error? Error)
{
    public bool Succeeded => Error is null;
    public static Result<T> Ok(T value) => new(value, null);
    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}

/// <summary>Collects field errors while validating an input.</summary>
public sealed class ValidationBuilder
{
    private readonly Dictionary<string, string> _fields = new();

    public ValidationBuilder Check(bool ok, string field, string message)
    {
        if (!ok && !_fields.ContainsKey(field))
        {
            _fields[field] = message;
        }
        return this;
    }

    public bool HasErrors => _fields.Count > 0;

    public ValidationError? Build() => _fields.Count == 0 ? null : new ValidationError(new Dictionary<string, string>(_fields));
}
