/** Word lists used for scoring: stop words are ignored, negations always count. */

export const NEGATIONS: ReadonlySet<string> = new Set(["not", "never", "nothing", "nobody", "neither", "nor", "without"]);

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the i me my mine myself we us our you your it its this that these those he she they them " +
    "is am are was were be been being do does did would could should will shall can may might must " +
    "have has had to of for on in at by with from into about as so and or but if then than " +
    "please pls kindly just really very um uh er erm hmm like well oh okay ok hey hi hello there " +
    "some any one get got let make actually"
  ).split(" "),
);

export const WEEKDAYS: readonly string[] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

export const MONTHS: readonly string[] = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

export const UNIT_WORDS: readonly string[] = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
export const TENS_WORDS: readonly string[] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** Words that are slot values (numbers, days, times); they do not count against an intent. */
export const VALUE_WORDS: ReadonlySet<string> = new Set([
  ...UNIT_WORDS,
  ...TENS_WORDS.filter(Boolean),
  ...WEEKDAYS,
  ...MONTHS,
  ..."hundred thousand dozen couple pair half quarter past noon midnight midday am pm oclock today tomorrow tonight yesterday morning afternoon evening night week weeks day days".split(" "),
]);
