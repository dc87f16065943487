/** A restaurant-booking intent and slot set shared by the tests and the benchmark. */
import { IntentSchema, SlotSchema, type ParsedIntent, type ParsedSlot } from "@voxchart/flow";

export const slot = (input: Record<string, unknown>): ParsedSlot => SlotSchema.parse(input);
export const intent = (input: Record<string, unknown>): ParsedIntent => IntentSchema.parse(input);

export const RESTAURANT_SLOTS: readonly ParsedSlot[] = [
  slot({ name: "date", type: "date", constraints: { earliest: "today", latest: "+60d" } }),
  slot({ name: "time", type: "time", constraints: { earliest: "17:00", latest: "22:30" } }),
  slot({ name: "party_size", type: "integer", description: "number of people", constraints: { min: 1, max: 12 } }),
  slot({
    name: "seating",
    type: "enum",
    options: [
      { value: "indoor", synonyms: ["inside"] },
      { value: "outdoor", synonyms: ["outside", "terrace", "patio"] },
    ],
  }),
  slot({ name: "name", type: "text" }),
  slot({ name: "phone", type: "phone" }),
];

export const RESTAURANT_INTENTS: readonly ParsedIntent[] = [
  intent({
    name: "book_table",
    examples: ["I'd like to book a table", "can I make a reservation", "reserve a table for tonight", "I want to book dinner"],
    arguments: [RESTAURANT_SLOTS[0], RESTAURANT_SLOTS[1], RESTAURANT_SLOTS[2]],
  }),
  intent({ name: "cancel_booking", examples: ["cancel my booking", "I need to cancel my reservation", "call off the reservation"] }),
  intent({ name: "change_booking", examples: ["change my booking", "I want to move my reservation", "modify the reservation"] }),
  intent({ name: "opening_hours", examples: ["when are you open", "what are your opening hours", "what time do you close"] }),
  intent({ name: "menu_question", examples: ["do you have vegetarian options", "what's on the menu", "do you serve gluten free food"] }),
  intent({ name: "talk_to_human", examples: ["I want to speak to a human", "let me talk to a person", "operator", "get me a real person"] }),
  intent({ name: "repeat", examples: ["can you repeat that", "say that again", "what did you say"] }),
  intent({ name: "start_over", examples: ["start over", "let's begin again", "restart"] }),
  intent({ name: "goodbye", examples: ["bye", "goodbye", "that's all thanks", "hang up"] }),
];
