import type { SlotType, ValueType } from "../schema";

const SLOT_VALUE_TYPES: Record<SlotType, ValueType> = {
  text: "string",
  number: "number",
  integer: "integer",
  yesno: "boolean",
  enum: "string",
  date: "date",
  time: "time",
  email: "email",
  phone: "phone",
};

/** The type of the variable a slot (or intent argument) of this type fills. */
export function slotValueType(type: SlotType): ValueType {
  return SLOT_VALUE_TYPES[type];
}
