using EduPortal.Domain.Common;
using EduPortal.Domain.Exports;

namespace EduPortal.Domain.Tests.Exports;

public sealed class ExportJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static ExportJob NewJob(string owner = "u1") =>
        ExportJob.Request(owner, "张老师", "labrecords.list", "东溪区 实验记录", "{}", activeCount: 0, maxActive: 3, Now).Value!;

    private static ExportJob Finished(string owner = "u1")
    {
        var job = NewJob(owner);
        Assert.True(job.Start(Now));
        Assert.True(job.Complete("exports/2026/11/0123456789abcdef0123456789abcdef.xlsx", "a.xlsx", "application/zip", 1234, Now, Week).Succeeded);
        return job;
    }

    [Fact]
    public void A_request_is_refused_when_the_owner_already_has_the_maximum_queued_or_running()
    {
        var refused = ExportJob.Request("u1", "张老师", "k", "t", "{}", activeCount: 3, maxActive: 3, Now);
        Assert.IsType<ConflictError>(refused.Error);
        Assert.Contains("最多 3 个", refused.Error!.Message);
        Assert.True(ExportJob.Request("u1", "张老师", "k", "t", "{}", activeCount: 2, maxActive: 3, Now).Succeeded);
    }

    [Fact]
    public void A_new_request_is_queued_then_starts_once_and_progress_never_goes_back_or_reaches_100_before_completion()
    {
        var job = NewJob();
        Assert.Equal(ExportStatus.Queued, job.Status);
        Assert.Equal("排队中", job.Status.DisplayName());
        Assert.True(job.Start(Now));
        Assert.False(job.Start(Now)); // a retried Hangfire job does not run it twice
        job.ReportProgress(40, "第 2/5 所学校");
        job.ReportProgress(20);
        Assert.Equal(40, job.Percent);
        job.ReportProgress(100);
        Assert.Equal(99, job.Percent);
        Assert.Equal(ExportStatus.Running, job.Status);
    }

    [Fact]
    public void Completion_keeps_the_file_for_the_configured_lifetime_and_only_a_running_export_completes()
    {
        var queued = NewJob();
        Assert.False(queued.Complete("k", "a.zip", "application/zip", 1, Now, Week).Succeeded);
        var job = Finished();
        Assert.Equal(ExportStatus.Completed, job.Status);
        Assert.Equal(100, job.Percent);
        Assert.Equal(Now + Week, job.ExpiresAt);
        Assert.False(job.Fail("late", Now)); // a finished export cannot fail afterwards
    }

    [Fact]
    public void Only_the_owner_downloads_a_finished_file_and_nobody_after_it_expires()
    {
        var job = Finished("owner");
        Assert.True(job.CanDownload("owner", Now.AddDays(6)).Succeeded);
        Assert.IsType<NotFoundError>(job.CanDownload("someone-else", Now).Error);
        var late = job.CanDownload("owner", Now + Week);
        Assert.Equal(ExportJob.ExpiredMessage, late.Error!.Message);
        Assert.IsType<ConflictError>(NewJob("owner").CanDownload("owner", Now).Error);
    }

    [Fact]
    public void Expiry_drops_the_file_key_once_the_time_is_up_and_only_then()
    {
        var job = Finished();
        Assert.Null(job.Expire(Now + Week - TimeSpan.FromSeconds(1)));
        Assert.Equal(ExportStatus.Completed, job.Status);
        var key = job.Expire(Now + Week);
        Assert.NotNull(key);
        Assert.Equal(ExportStatus.Expired, job.Status);
        Assert.Null(job.FileKey);
        Assert.Null(job.Expire(Now + Week + Week)); // twice: nothing more to delete
    }

    [Fact]
    public void A_failed_export_keeps_its_message_and_leaves_the_active_count()
    {
        var job = NewJob();
        Assert.True(job.Fail("导出失败：您已无权导出该内容", Now));
        Assert.Equal(ExportStatus.Failed, job.Status);
        Assert.False(job.Status.IsActive());
        Assert.Contains("无权", job.Message);
        Assert.False(job.Start(Now));
    }
}
