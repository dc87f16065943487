/**
 * Calls `run` when the page may be about to go away: `pagehide` (reload, close, navigation,
 * back-forward cache) or the tab becoming hidden (the last event a mobile browser reliably
 * sends before killing it). Returns the unsubscribe.
 */
export function onPageHidden(win: EventTarget, doc: EventTarget & { readonly visibilityState: DocumentVisibilityState }, run: () => void): () => void {
  const onVisibility = () => {
    if (doc.visibilityState === "hidden") run();
  };
  win.addEventListener("pagehide", run);
  doc.addEventListener("visibilitychange", onVisibility);
  return () => {
    win.removeEventListener("pagehide", run);
    doc.removeEventListener("visibilitychange", onVisibility);
  };
}
