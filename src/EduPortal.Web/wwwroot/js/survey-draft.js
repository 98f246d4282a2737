// Reads and clears the browser's copy of a survey form (written by the data-draft-key listener in eduportal.js)
// once the server has the draft. Loaded as a module by SurveyFormPage.
export function read(key) {
    return localStorage.getItem(key);
}

export function clear(key) {
    localStorage.removeItem(key);
}
