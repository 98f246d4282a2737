namespace EduPortal.Domain.Plans;

/// <summary>
/// A member office and its duty (circular 004 §六(一)2: 局办公室负责统筹协调；局财务科负责经费保障；局教育督导室负责检查督导；
/// 教科院负责推广应用和工作指导；局教师管理科负责教师能力建设；电教馆具体负责组织实施).
/// </summary>
public sealed class PlanOffice
{
    private PlanOffice()
    {
    }

    internal PlanOffice(string name, string duty)
    {
        Name = name;
        Duty = duty;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Duty { get; private set; } = "";
}
