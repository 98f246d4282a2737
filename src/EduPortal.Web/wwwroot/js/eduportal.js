// Saves a file the server streamed to the browser (exports, templates, import results).
window.eduPortal = {
    downloadFile: async function (fileName, contentType, streamReference) {
        const buffer = await streamReference.arrayBuffer();
        const blob = new Blob([buffer], { type: contentType });
        const url = URL.createObjectURL(blob);
        const anchor = document.createElement("a");
        anchor.href = url;
        anchor.download = fileName;
        document.body.appendChild(anchor);
        anchor.click();
        anchor.remove();
        URL.revokeObjectURL(url);
    }
};

// Keeps what is typed into a form area marked data-draft-key in the browser's localStorage (under that key) until
// the server has saved it, so a lost connection, a dead instance or a reload before the autosave fires loses
// nothing. One listener on the document, installed before Blazor starts: no keystroke depends on a circuit round
// trip having attached it first.
document.addEventListener("input", event => {
    const field = event.target?.dataset?.field;
    const area = event.target?.closest?.("[data-draft-key]");
    if (!field || !area) {
        return;
    }
    const key = area.dataset.draftKey;
    const stored = JSON.parse(localStorage.getItem(key) || "{}");
    stored.fields = stored.fields || {};
    stored.fields[field] = event.target.value;
    stored.at = Date.now();
    localStorage.setItem(key, JSON.stringify(stored));
}, true);
