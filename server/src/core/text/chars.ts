// Character tests by UTF-16 code, for scans that must not make a string or run a regex per character.

/** What the regex class [\s\u3000\uFEFF] matches, without a regex per character. */
export function isSpaceCode(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
  );
}

/** A CJK unified ideograph (U+4E00–U+9FFF): its own NFKC form, and content for copy detection. */
export function isCjkIdeograph(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/**
 * A whole number with thousands separators, "1,234,567": what `toLocaleString('en-US')` writes, without
 * it. The first number formatted through ICU loads its locale data: ~10 MB of RSS for a process
 * (the language server's worker, whenever a document is over the analysis budget).
 */
export function withThousands(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 && digits !== '0' ? `-${out}` : out;
}
