const NUMBER = String.raw`(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty-?eight|twenty-?four|a\s+few|a\s+couple(?:\s+of)?|few|couple(?:\s+of)?)`;
const UNIT = String.raw`(?:business\s+|working\s+|calendar\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?)`;
const DAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri)`;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

/**
 * Ways a note gives a time frame: a day name, a date, a clock time, "today"/"tomorrow", "next week",
 * "end of day", "within 24 hours", "7-10 business days", "in a few days".
 */
const TIME_FRAME_PARTS = [
  String.raw`\b${DAY}\b\.?`,
  String.raw`\b(?:today|tonight|tomorrow|tmrw|tmr|tomorow)\b`,
  String.raw`\b(?:this|next|later\s+this)\s+(?:morning|afternoon|evening|week|weekend|month|business\s+day|${DAY})\b`,
  String.raw`\b(?:end\s+of\s+(?:the\s+)?(?:day|week|month|business(?:\s+day)?)|eod|cob|eow|close\s+of\s+business)\b`,
  String.raw`\b(?:within|in|after|for)\s+(?:the\s+next\s+)?${NUMBER}(?:\s*(?:-|–|to)\s*${NUMBER})?\s+${UNIT}\b`,
  String.raw`\b\d+\s*(?:-|–|to)\s*\d+\s*${UNIT}\b`,
  String.raw`\b\d+\s*${UNIT}\b`,
  String.raw`\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b`,
  String.raw`\b\d{4}-\d{2}-\d{2}\b`,
  String.raw`\b${MONTH}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b`,
  String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b`,
  String.raw`\b(?:on|by|before|after|until)\s+the\s+\d{1,2}(?:st|nd|rd|th)\b`,
  String.raw`\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.?|p\.m\.?)(?![\p{L}])`,
  String.raw`\b\d{1,2}:\d{2}\b`,
  String.raw`\b(?:noon|midday|midnight)\b`,
];

const TIME_FRAME = new RegExp(TIME_FRAME_PARTS.join('|'), 'iu');

/** True when the text names a time frame (a day, a date, a time or a window). */
export function hasTimeFrame(text: string): boolean {
  return TIME_FRAME.test(text);
}
