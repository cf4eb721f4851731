import { RobotDigest } from './message-text';

/** How many bytes a piece of text costs on the wire of one robot format. */
export type ByteMeasure = (text: string) => number;

export const utf8Bytes: ByteMeasure = (text) => Buffer.byteLength(text);
/** Inside a JSON string: quotes, backslashes and newlines are escaped (JSON.stringify keeps non-ASCII as is). */
export const jsonStringBytes: ByteMeasure = (text) => Buffer.byteLength(JSON.stringify(text)) - 2;

/** The last line, always there: how many cards are not listed, and the console where all of them are. */
export function remainderLine(rest: number, listed: number, consoleUrl: string): string {
  return rest > 0 ? `另有 ${rest} 张未列出，[请登录监察平台查看全部](${consoleUrl})` : `以上共 ${listed} 张，[在监察平台查看](${consoleUrl})`;
}

/**
 * Fits a digest to a robot's byte limit by whole items: a card is listed with its whole link or not
 * at all (a link cut in the middle opens nothing), and the remainder line — the count of the rest
 * and the console link — always fits, because room for it is kept before each item is taken.
 */
export function fitDigest(digest: RobotDigest, maxBytes: number, measure: ByteMeasure): string {
  const total = digest.items.length;
  let used = measure(digest.heading);
  let listed = 0;
  for (const item of digest.items) {
    const cost = measure(`\n${item}`);
    if (used + cost + measure(`\n${remainderLine(total - listed - 1, listed + 1, digest.consoleUrl)}`) > maxBytes) break;
    used += cost;
    listed++;
  }
  return [digest.heading, ...digest.items.slice(0, listed), remainderLine(total - listed, listed, digest.consoleUrl)].join('\n');
}
