import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDebouncedWriter } from "./debounced-writer";
import { onPageHidden } from "./on-page-hidden";
import { BACKUP_TIMING } from "./draft-backup";

/** A writer with the autosave's own timing that records what reached "storage". */
function recordingWriter() {
  const written: string[] = [];
  const writer = createDebouncedWriter<string>((value) => written.push(value), BACKUP_TIMING);
  return { writer, written };
}

/** Keystrokes every `everyMs`, each scheduling the text typed so far. */
function type(writer: { schedule(value: string): void }, text: string, everyMs: number) {
  for (let i = 1; i <= text.length; i++) {
    writer.schedule(text.slice(0, i));
    vi.advanceTimersByTime(everyMs);
  }
}

describe("the local draft copy's debounced writer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes once, with the last value, 500 ms after typing stops", () => {
    const { writer, written } = recordingWriter();
    type(writer, "hello", 100);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(399); // 100 ms already passed after the last keystroke
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(written).toEqual(["hello"]);
    expect(writer.pending).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(written).toEqual(["hello"]);
  });

  it("still writes every 2 s during a long burst of typing, for a crash that fires no event", () => {
    const { writer, written } = recordingWriter();
    type(writer, "a".repeat(50), 100); // 5 s without a 500 ms pause
    expect(written.map((w) => w.length)).toEqual([20, 40]);
  });

  it("writes the pending value at once on flush, and nothing more afterwards", () => {
    const { writer, written } = recordingWriter();
    writer.flush();
    expect(written).toEqual([]); // nothing pending: no write
    type(writer, "abc", 50);
    writer.flush();
    expect(written).toEqual(["abc"]);
    vi.advanceTimersByTime(10_000);
    expect(written).toEqual(["abc"]);
  });

  it("drops the pending value on cancel (the server saved it), and starts afresh on the next edit", () => {
    const { writer, written } = recordingWriter();
    type(writer, "abc", 50);
    writer.cancel();
    expect(writer.pending).toBe(false);
    vi.advanceTimersByTime(10_000);
    writer.flush();
    expect(written).toEqual([]);
    writer.schedule("abcd");
    vi.advanceTimersByTime(500);
    expect(written).toEqual(["abcd"]);
  });
});

describe("flushing when the page is hidden", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function fakePage() {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: "visible" as DocumentVisibilityState });
    const hide = (state: DocumentVisibilityState) => {
      doc.visibilityState = state;
      doc.dispatchEvent(new Event("visibilitychange"));
    };
    return { win, doc, hide };
  }

  it("writes pending edits at once on pagehide and when the tab becomes hidden, not when it becomes visible", () => {
    const { win, doc, hide } = fakePage();
    const { writer, written } = recordingWriter();
    onPageHidden(win, doc, writer.flush);

    writer.schedule("before reload");
    win.dispatchEvent(new Event("pagehide"));
    expect(written).toEqual(["before reload"]);

    writer.schedule("before switching tab");
    hide("visible");
    expect(written).toEqual(["before reload"]);
    hide("hidden");
    expect(written).toEqual(["before reload", "before switching tab"]);
  });

  it("stops listening once unsubscribed (the editor unmounted)", () => {
    const { win, doc, hide } = fakePage();
    const run = vi.fn();
    const unsubscribe = onPageHidden(win, doc, run);
    unsubscribe();
    win.dispatchEvent(new Event("pagehide"));
    hide("hidden");
    expect(run).not.toHaveBeenCalled();
  });
});
