namespace EduPortal.Domain.Circulars;

/// <summary>Whether a circular asks its recipients for a reply by a date (回执/报送), and in what form.</summary>
public enum ReplyMode
{
    /// <summary>无需回复.</summary>
    None = 0,
    /// <summary>上传文件 (e.g. circular 000 附件1 filled in and sent back).</summary>
    File = 1,
    /// <summary>简短文字回复.</summary>
    Text = 2,
}

public static class ReplyModes
{
    public static string DisplayName(this ReplyMode mode) => mode switch
    {
        ReplyMode.None => "无需回复",
        ReplyMode.File => "上传文件",
        ReplyMode.Text => "文字回复",
        _ => "无需回复",
    };
}
