namespace EduPortal.Domain.Smartboards;

/// <summary>
/// The four trainings of circular 003 §三.1 (校长, 学科骨干教师, 技术人员, 全员教师培训), also circular 004 (六)
/// ("分别对农村中小学校长、骨干教师、学科教师、管理人员等开展培训工作").
/// </summary>
public enum TrainingKind
{
    Principal = 1,
    KeyTeacher = 2,
    Technician = 3,
    AllStaff = 4,
}
