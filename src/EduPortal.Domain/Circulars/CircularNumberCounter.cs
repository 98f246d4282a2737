namespace EduPortal.Domain.Circulars;

/// <summary>
/// The last document number handed out by one issuing unit in one year. Publication increments it inside the same
/// transaction that stores the number on the circular, so a failed publication gives the number back (no gaps) and two
/// publishers serialise on the row (no repeats).
/// </summary>
public sealed class CircularNumberCounter
{
    private CircularNumberCounter()
    {
    }

    public CircularNumberCounter(int issuerUnitId, int year)
    {
        IssuerUnitId = issuerUnitId;
        Year = year;
    }

    public int IssuerUnitId { get; private set; }
    public int Year { get; private set; }
    public int LastNumber { get; private set; }
}
