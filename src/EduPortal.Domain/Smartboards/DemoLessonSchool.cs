namespace EduPortal.Domain.Smartboards;

/// <summary>The school a demo lesson or a competition entry belongs to, as read from the organisation tree.</summary>
public sealed record DemoLessonSchool(int Id, string Name, string Path, int CountyId);

/// <summary>A teacher of the school (an active account of it), as read from the accounts.</summary>
public sealed record DemoLessonTeacher(string UserId, string Name, int SchoolId);
