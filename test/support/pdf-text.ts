import { inflateSync } from 'node:zlib';

/**
 * What a PDF can show, read without a PDF library: the fonts it embeds (Skia writes CJK fonts as
 * Type3 glyph outlines named in their FontDescriptor) and every character its fonts' ToUnicode maps
 * or its ActualText spans can produce. Chromium embeds a subset font per family with exactly the
 * glyphs used, so the mapped characters are the characters on the page.
 */
export function pdfFontsAndCharacters(pdf: Buffer): { fonts: string[]; characters: Set<string> } {
  const text = pdf.toString('latin1');
  const fonts = new Set<string>();
  const addFonts = (source: string) => {
    for (const m of source.matchAll(/\/(?:BaseFont|FontName)\s*\/([^\s/<>[\]]+)/g)) fonts.add(m[1].replace(/^[A-Z]{6}\+/, ''));
  };
  addFonts(text);
  const characters = new Set<string>();
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a Flate stream (an image, a font program)
    }
    addFonts(body); // font dictionaries may sit in compressed object streams
    // A glyph an OpenType feature substituted (e.g. the zh-Hans form of 行) has no ToUnicode entry:
    // Skia marks its text with /ActualText in the page content instead.
    for (const [, hex] of body.matchAll(/\/ActualText\s*<FEFF([0-9A-Fa-f]+)>/g)) addUtf16(characters, hex);
    if (!body.includes('begincmap')) continue;
    for (const block of body.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, hex] of block[1].matchAll(/<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>/g)) addUtf16(characters, hex);
    }
    for (const block of body.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, from, to, dst] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const count = parseInt(to, 16) - parseInt(from, 16);
        const first = parseInt(dst, 16);
        for (let i = 0; i <= count; i++) characters.add(String.fromCodePoint(first + i));
      }
      // The other form: <from> <to> [<dst1> <dst2> …], one destination per code.
      for (const [, list] of block[1].matchAll(/<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\[([^\]]*)\]/g)) {
        for (const [, hex] of list.matchAll(/<([0-9A-Fa-f]+)>/g)) addUtf16(characters, hex);
      }
    }
  }
  return { fonts: [...fonts], characters };
}

function addUtf16(into: Set<string>, hex: string): void {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  for (const ch of String.fromCharCode(...units)) into.add(ch);
}
