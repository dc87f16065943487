import { readFile } from "node:fs/promises";

/**
 * The words a pocketsphinx dictionary knows, loaded once per file. A grammar that names a word
 * the dictionary lacks makes pocketsphinx refuse to start, so phrases are checked against it.
 */
const loaded = new Map<string, Promise<ReadonlySet<string>>>();

export function loadDictionaryWords(path: string): Promise<ReadonlySet<string>> {
  let words = loaded.get(path);
  if (!words) {
    words = readFile(path, "utf8").then((text) => {
      const set = new Set<string>();
      for (const line of text.split("\n")) {
        const space = line.indexOf(" ");
        if (space <= 0) continue;
        // Alternative pronunciations are listed as "word(2)".
        set.add(line.slice(0, space).replace(/\(\d+\)$/, ""));
      }
      return set;
    });
    words.catch(() => loaded.delete(path));
    loaded.set(path, words);
  }
  return words;
}
