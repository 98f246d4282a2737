using System.Globalization;

namespace EduPortal.Domain.Common;

/// <summary>Messages about uploaded media shared by the upload pipeline and the modules' own checks.</summary>
public static class MediaMessages
{
    public static string VideoTooLong(TimeSpan duration, TimeSpan max) =>
        string.Create(CultureInfo.InvariantCulture, $"视频时长 {duration.TotalSeconds:0.#} 秒，超过 {max.TotalSeconds:0} 秒的上限，请剪短后再上传");

    public const string VideoMalformed = "视频文件结构不完整或末尾带有多余数据，请上传手机拍摄的原始 MP4 或 MOV 视频";

    public const string VideoUnreadable = "无法读取视频时长，文件可能已损坏；请上传手机拍摄的 MP4 或 MOV 视频";
}
