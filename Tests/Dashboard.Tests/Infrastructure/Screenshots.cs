using Microsoft.Playwright;

namespace OrleansMesh.Dashboard.Tests.Infrastructure;

/// <summary>Screenshots of the dashboard's views, kept as test artefacts under the test output's <c>screenshots/</c>.</summary>
internal static class Screenshots
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static async Task<string> SaveAsync(IPage page, string name, string? selector = null)
    {
        var path = Path.Combine(Directory, name + ".png");
        if (selector is null)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
        else
        {
            await page.Locator(selector).ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        }

        return path;
    }
}
