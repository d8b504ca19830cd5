/** Removes the spaces a customer may type between digit groups. */
export function normalizeCardNumber(input: string): string {
  return input.replace(/\s+/g, "");
}

/**
 * Checks a string of digits with the Luhn mod-10 algorithm (ISO/IEC 7812-1),
 * which every payment card number satisfies. From the right, every second
 * digit is doubled and 9 is subtracted from doubles above 9. The sum of all
 * digits must then be a multiple of 10.
 */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Returns the last four digits, the only part of a card number the portal keeps. */
export function cardLast4(digits: string): string {
  return digits.slice(-4);
}
