/** Text formats every feature's cards share. */

/** Whole cents as US dollars: 11900 -> "$119.00", 123456 -> "$1,234.56". */
export function formatMoney(cents: number): string {
  const dollars = Math.floor(cents / 100).toLocaleString('en-US');
  return `$${dollars}.${String(cents % 100).padStart(2, '0')}`;
}

/** "5035550134" -> "(503) 555-0134"; anything that is not 10 digits is returned as is. */
export function formatPhone(digits: string): string {
  const m = /^(\d{3})(\d{3})(\d{4})$/.exec(digits);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : digits;
}
