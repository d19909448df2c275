/**
 * Context words: words near a value that make it more or less likely to be personal data.
 * Each list is lower case and covers English, German, French and Spanish. Matching is on a window
 * of the original text around the value, so offsets are never affected by case folding.
 */

/** Lowers every score: the number is an identifier of a thing, not of a person. */
export const NEGATIVE_CONTEXT = [
  "order",
  "invoice",
  "isbn",
  "version",
  "build",
  "release",
  "ticket",
  "tracking",
  "serial",
  "sku",
  "part no",
  "model",
  "commit",
  "reference",
  "ref.",
  "ref:",
  "id:",
  "referenz",
  "référence",
  "referencia",
  "bestellung",
  "rechnung",
  "commande",
  "facture",
  "pedido",
  "factura",
] as const;

export const PHONE_CONTEXT = [
  "phone",
  "tel",
  "mobile",
  "cell",
  "fax",
  "call",
  "office",
  "desk",
  "whatsapp",
  "contact",
  "number",
  "telefon",
  "handy",
  "rufnummer",
  "téléphone",
  "portable",
  "numéro",
  "teléfono",
  "móvil",
  "llama",
  "número",
] as const;

export const CARD_CONTEXT = [
  "card",
  "visa",
  "mastercard",
  "amex",
  "credit",
  "debit",
  "karte",
  "carte",
  "tarjeta",
  "cc ",
] as const;

export const SSN_CONTEXT = ["ssn", "social security", "social-security", "ss#", "ss #"] as const;

export const PASSPORT_CONTEXT = [
  "passport",
  "reisepass",
  "passeport",
  "pasaporte",
  "pass-nr",
  "passnummer",
] as const;

export const IBAN_CONTEXT = ["iban", "bank", "account", "konto", "compte", "cuenta", "transfer"] as const;

/** True when one of `words` occurs in the window [start - before, end + after) of `text`. */
export function hasContext(
  text: string,
  start: number,
  end: number,
  words: readonly string[],
  before = 48,
  after = 24,
): boolean {
  const left = text.slice(Math.max(0, start - before), start).toLowerCase();
  const right = text.slice(end, Math.min(text.length, end + after)).toLowerCase();
  for (const word of words) if (left.includes(word) || right.includes(word)) return true;
  return false;
}

/** Only the text before the value (used where a following word would be a different value's label). */
export function hasContextBefore(
  text: string,
  start: number,
  words: readonly string[],
  before = 48,
): boolean {
  const left = text.slice(Math.max(0, start - before), start).toLowerCase();
  for (const word of words) if (left.includes(word)) return true;
  return false;
}
