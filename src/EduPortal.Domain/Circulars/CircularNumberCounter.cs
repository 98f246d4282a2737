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

    /// <param name="lastNumber">Numbers the bureau already used that year before the portal (a mid-year start); usually 0.</param>
    public CircularNumberCounter(int issuerUnitId, int year, int lastNumber = 0)
    {
        IssuerUnitId = issuerUnitId;
        Year = year;
        LastNumber = Math.Max(0, lastNumber);
    }

    public int IssuerUnitId { get; private set; }
    public int Year { get; private set; }
    public int LastNumber { get; private set; }
}
