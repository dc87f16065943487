/** English words for whole numbers 0-999 999, as a recogniser's dictionary spells them. */
const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`numberToWords supports 0-999999, got ${n}`);
  if (n < 10) return ONES[n] as string;
  if (n < 20) return TEENS[n - 10] as string;
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? ` ${ONES[n % 10]}` : "");
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} hundred` + (n % 100 ? ` ${numberToWords(n % 100)}` : "");
  return `${numberToWords(Math.floor(n / 1000))} thousand` + (n % 1000 ? ` ${numberToWords(n % 1000)}` : "");
}

/** JSGF rules for a spoken number 0-999; the public entry rule is `<number>`. */
export const JSGF_NUMBER_RULES = [
  `<digit> = ${ONES.slice(1).join(" | ")};`,
  `<teen> = ${TEENS.join(" | ")};`,
  `<tens> = ${TENS.slice(2).join(" | ")};`,
  "<below100> = <digit> | <teen> | <tens> [<digit>];",
  "<number> = zero | <below100> | <digit> hundred [[and] <below100>];",
];
