namespace EduPortal.Domain.Smartboards;

/// <summary>An account chosen as attendee of a training, with the school it belongs to (read from the database, never from the form).</summary>
public sealed record TrainingAttendee(string UserId, string Name, int SchoolId, string SchoolName, string SchoolPath);
