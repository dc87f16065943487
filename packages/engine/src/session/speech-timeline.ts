/**
 * What the assistant has said and, as far as we know, what the user has heard. With "estimated"
 * playback (text simulation), hearing follows a speaking rate; with "reported" playback (the voice
 * runtime), it follows playback.progress events.
 */
export interface SpokenPart {
  text: string;
  /** Session time the part starts and ends playing (estimated). */
  startsAt: number;
  endsAt: number;
}

export interface SpeechTimeline {
  /** Schedules text to play after what is already queued; returns when it starts and ends. */
  append(text: string, now: number): SpokenPart;
  /** When everything queued has played (estimated). */
  readonly endsAt: number;
  /** The text heard by `now`, by the estimate, cut at a word boundary. */
  heardBy(now: number): string;
  /** All text queued. */
  readonly text: string;
  reset(now: number): void;
}

export function createSpeechTimeline(msPerChar: number): SpeechTimeline {
  let parts: SpokenPart[] = [];
  let endsAt = 0;
  return {
    append(text, now) {
      const startsAt = Math.max(now, endsAt);
      const part = { text, startsAt, endsAt: startsAt + Math.round(text.length * msPerChar) };
      parts.push(part);
      endsAt = part.endsAt;
      return part;
    },
    get endsAt() {
      return endsAt;
    },
    get text() {
      return parts.map((p) => p.text).join(" ");
    },
    heardBy(now) {
      const heard: string[] = [];
      for (const p of parts) {
        if (now >= p.endsAt) heard.push(p.text);
        else if (now > p.startsAt) {
          const chars = Math.floor((now - p.startsAt) / msPerChar);
          const cut = p.text.slice(0, chars);
          const lastSpace = cut.lastIndexOf(" ");
          heard.push(lastSpace > 0 ? cut.slice(0, lastSpace) : "");
        }
      }
      return heard.filter(Boolean).join(" ");
    },
    reset(now) {
      parts = [];
      endsAt = now;
    },
  };
}
