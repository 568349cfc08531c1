/**
 * Vietnamese text for search and sorting.
 *
 * Search ignores diacritics: "nhan thuc so" finds "Nhận thức số". NFD splits a letter from its
 * combining marks, which are dropped; "đ" is a letter of its own (not d + mark), so it is mapped by
 * hand. Intl.Collator's base sensitivity does not do this (it keeps đ ≠ d).
 */
export function removeDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Lower-case, diacritic-free, single-spaced: the form in which search terms and texts are compared. */
export function toSearchKey(text: string): string {
  return removeDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when every word of the query occurs in the text, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = toSearchKey(text);
  return toSearchKey(query)
    .split(' ')
    .every((word) => haystack.includes(word));
}

const vietnameseCollator = new Intl.Collator('vi', { numeric: true });

/** Alphabetical order as Vietnamese readers expect it (Đ after D, not after Z). */
export function compareVietnamese(a: string, b: string): number {
  return vietnameseCollator.compare(a, b);
}
