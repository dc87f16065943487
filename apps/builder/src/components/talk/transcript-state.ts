/** The live transcript as a pure reducer: user partials replace each other, finals close a line. */
export interface TranscriptLine {
  id: number;
  role: "user" | "bot" | "event";
  text: string;
  /** A user line stays partial until the final transcript; a bot line until the user speaks. */
  final: boolean;
}

export type TranscriptEvent =
  | { type: "user"; text: string; final: boolean }
  | { type: "bot"; text: string }
  | { type: "bot-stopped" }
  | { type: "event"; text: string };

let nextId = 1;

export function applyTranscript(lines: readonly TranscriptLine[], event: TranscriptEvent): TranscriptLine[] {
  const last = lines.at(-1);
  switch (event.type) {
    case "user": {
      if (last && last.role === "user" && !last.final) return [...lines.slice(0, -1), { ...last, text: event.text, final: event.final }];
      return [...lines, { id: nextId++, role: "user", text: event.text, final: event.final }];
    }
    case "bot": {
      const text = event.text.trim();
      if (!text) return [...lines];
      if (last && last.role === "bot" && !last.final) return [...lines.slice(0, -1), { ...last, text: `${last.text} ${text}` }];
      return [...lines, { id: nextId++, role: "bot", text, final: false }];
    }
    case "bot-stopped":
      return last && last.role === "bot" && !last.final ? [...lines.slice(0, -1), { ...last, final: true }] : [...lines];
    case "event":
      return [...lines, { id: nextId++, role: "event", text: event.text, final: true }];
  }
}
