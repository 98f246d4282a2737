using System.Text;

namespace EduPortal.Web.Tests.Plans;

/// <summary>Files the plans tests upload.</summary>
internal static class PlanTestFiles
{
    /// <summary>A minimal PDF the upload pipeline accepts by its content.</summary>
    public static MemoryStream Pdf() => new(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"));
}
