namespace EduPortal.Web.Infrastructure.Bulletins;

public static class BulletinSectionRegistration
{
    /// <summary>Registers a module's bulletin section; call it from the module's <c>Add&lt;Module&gt;</c> verb.</summary>
    public static IServiceCollection AddBulletinSection<TSection>(this IServiceCollection services)
        where TSection : class, IBulletinSection => services.AddScoped<IBulletinSection, TSection>();
}
