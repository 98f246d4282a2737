using System.Linq.Expressions;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;

namespace EduPortal.Data.Jurisdiction;

/// <summary>
/// The one filter shape of rows a unit opens for its subtree (a survey round, an award round, a catalogue entry): the
/// caller reaches the rows opened at its own unit or above it (they apply to it) and the rows opened inside its subtree.
/// A module's jurisdiction class calls this with the column holding the opening unit's path.
/// </summary>
public static class OwnerReach
{
    public static IQueryable<T> OpenedAboveOrWithin<T>(this IQueryable<T> rows, Caller caller, Expression<Func<T, string>> ownerPath)
    {
        var ancestors = OrgUnit.AncestorPaths(caller.OrgPath).ToList();
        var callerPath = caller.OrgPath;
        Expression<Func<string, bool>> reaches = path => path.StartsWith(callerPath) || ancestors.Contains(path);
        var body = new Substitute(reaches.Parameters[0], ownerPath.Body).Visit(reaches.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(body, ownerPath.Parameters));
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
