/** A letter in any script (one UTF-16 unit). */
const LETTER_PATTERN = /^\p{L}$/u;
/** A letter or digit in any script. */
const WORD_PATTERN = /^[\p{L}\p{N}]$/u;

export function isAsciiLetter(unit: number): boolean {
  return (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
}

export function isAsciiDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}

export function isLetterUnit(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0x80) return isAsciiLetter(unit);
  return LETTER_PATTERN.test(text[index] ?? "");
}

/** Letters and digits of any script, plus the leetspeak symbols @ and $. */
export function isWordUnit(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (Number.isNaN(unit)) return false;
  if (unit < 0x80) return isAsciiLetter(unit) || isAsciiDigit(unit) || unit === 0x40 || unit === 0x24;
  return WORD_PATTERN.test(text[index] ?? "");
}
