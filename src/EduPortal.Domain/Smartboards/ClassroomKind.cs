namespace EduPortal.Domain.Smartboards;

/// <summary>What a room is: a class's own classroom, or one of the special rooms (circular 003 lists 班班通 rooms per class).</summary>
public enum ClassroomKind
{
    /// <summary>普通教室: the room of one class; its head teacher (班主任) answers for the devices (circular 003 §二.2).</summary>
    Ordinary = 1,
    /// <summary>实验室.</summary>
    Laboratory = 2,
    /// <summary>录播室.</summary>
    RecordingStudio = 3,
    /// <summary>主控室 (the school's network/control room).</summary>
    ControlRoom = 4,
    /// <summary>其他专用教室.</summary>
    Other = 9,
}
