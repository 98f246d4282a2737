// Hangfire's dashboard picks moment's locale from <html lang>, which it writes as "zh" for zh-CN; moment has
// no "zh" locale and falls back to English ("in a few seconds"). Choose Simplified Chinese before the page starts.
(function () {
    if (window.Hangfire && window.Hangfire.config) {
        window.Hangfire.config.locale = "zh-cn";
    }
})();
