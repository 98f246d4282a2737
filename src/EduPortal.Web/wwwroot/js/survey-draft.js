// Keeps what is typed into a survey form in the browser's localStorage until the server has saved it, so a
// lost connection or a reload before the autosave fires loses nothing. Loaded as a module by SurveyFormPage.
export function watch(key, element) {
    element.addEventListener("input", event => {
        const field = event.target?.dataset?.field;
        if (!field) {
            return;
        }
        const stored = JSON.parse(localStorage.getItem(key) || "{}");
        stored.fields = stored.fields || {};
        stored.fields[field] = event.target.value;
        stored.at = Date.now();
        localStorage.setItem(key, JSON.stringify(stored));
    });
}

export function read(key) {
    return localStorage.getItem(key);
}

export function clear(key) {
    localStorage.removeItem(key);
}
