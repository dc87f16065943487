import { chromium, type Browser } from "playwright-core";

export interface LaunchChromiumOptions {
  /** A WAV file that Chromium plays as the microphone (looped); media permission prompts are auto-accepted. */
  readonly fakeMicrophoneWav?: string;
  /** Lets pages play audio without a user gesture (a voice client plays the bot's speech). */
  readonly autoplay?: boolean;
  /** More command-line flags, after the ones above. */
  readonly extraArgs?: readonly string[];
}

/**
 * Debian's Chromium (`apt-get install chromium`). CHROMIUM_PATH overrides it; VOXCHART_CHROMIUM is
 * the name the runtime's browser tests used first and is still honoured.
 */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? process.env.VOXCHART_CHROMIUM ?? "/usr/bin/chromium";
}

/** Flags that work as root in a container, and keep Chromium from calling home during tests. */
const BASE_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

/**
 * Headless Chromium for tests. Playwright gives every launch a fresh temporary profile (the
 * --user-data-dir the Chromium docs ask for), so parallel launches do not share state.
 */
export function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const args: string[] = [...BASE_ARGS];
  if (options.autoplay) args.push("--autoplay-policy=no-user-gesture-required");
  if (options.fakeMicrophoneWav !== undefined) {
    args.push("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-audio-capture=${options.fakeMicrophoneWav}`);
  }
  args.push(...(options.extraArgs ?? []));
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args });
}
