import { heardWords } from "./heard-words";

/**
 * What the assistant has said and, as far as we know, what the user has heard. With "estimated"
 * playback (text simulation), hearing follows a speaking rate; with "reported" playback (the voice
 * runtime), it follows playback.progress events; both cut a phrase with heardWords.
 */
export interface SpokenPart {
  text: string;
  /** The node whose text this is (its barge-in policy applies while it plays). */
  nodeId: string;
  /** Session time the part starts and ends playing (estimated). */
  startsAt: number;
  endsAt: number;
}

export interface SpeechTimeline {
  /** Schedules text to play after what is already queued; returns when it starts and ends. */
  append(text: string, nodeId: string, now: number): SpokenPart;
  /** The part playing at `now` (the last one once all have played). */
  partAt(now: number): SpokenPart | undefined;
  /** When everything queued has played (estimated). */
  readonly endsAt: number;
  /** The text heard by `now`, by the estimate, cut at a word boundary. */
  heardBy(now: number): string;
  /** All text queued. */
  readonly text: string;
  reset(now: number): void;
}

/** Joins streamed speech pieces, adding a space only where neither side has one. */
export function joinSpeech(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return /\s$/.test(a) || /^\s/.test(b) ? a + b : `${a} ${b}`;
}

/** A class, not an object literal with getters: one is made per answer, and literals with accessors are slow to create. */
class EstimatedTimeline implements SpeechTimeline {
  private parts: SpokenPart[] = [];
  private end = 0;

  constructor(private readonly msPerChar: number) {}

  append(text: string, nodeId: string, now: number): SpokenPart {
    const startsAt = Math.max(now, this.end);
    const part = { text, nodeId, startsAt, endsAt: startsAt + Math.round(text.length * this.msPerChar) };
    this.parts.push(part);
    this.end = part.endsAt;
    return part;
  }

  partAt(now: number): SpokenPart | undefined {
    return this.parts.find((p) => now >= p.startsAt && now < p.endsAt) ?? this.parts.at(-1);
  }

  get endsAt(): number {
    return this.end;
  }

  get text(): string {
    return this.parts.reduce((all, p) => joinSpeech(all, p.text), "");
  }

  heardBy(now: number): string {
    let heard = "";
    for (const p of this.parts) {
      if (now >= p.endsAt) heard = joinSpeech(heard, p.text);
      else if (now > p.startsAt) heard = joinSpeech(heard, heardWords(p.text, now - p.startsAt, p.endsAt - p.startsAt));
    }
    return heard.trim();
  }

  reset(now: number): void {
    this.parts = [];
    this.end = now;
  }
}

export function createSpeechTimeline(msPerChar: number): SpeechTimeline {
  return new EstimatedTimeline(msPerChar);
}
