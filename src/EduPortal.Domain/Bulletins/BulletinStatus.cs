namespace EduPortal.Domain.Bulletins;

public enum BulletinStatus
{
    /// <summary>草稿: built, visible to the issuing unit's admins; the editor may add a foreword and publish.</summary>
    Draft = 1,

    /// <summary>已发布: published as a circular to the issuing unit's subtree; its content no longer changes.</summary>
    Published = 2,
}
