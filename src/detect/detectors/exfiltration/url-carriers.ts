import { codeRanges, insideRanges } from "../unsafe-markup/code-spans.js";

/** Markdown image: `![alt](url` — rendered, and so fetched, without a click. */
export const MARKDOWN_IMAGE = /!\[[^[\]\n]{0,500}\]\(\s{0,5}<?([^\s)>]{1,4000})/g;
/** Markdown inline link: `[text](url` (not an image). Link text without brackets keeps the scan linear. */
export const MARKDOWN_LINK = /(?<!!)\[[^[\]\n]{0,500}\]\(\s{0,5}<?([^\s)>]{1,4000})/g;
/** The outer link of a linked image: `[![alt](img)](url` ends in `)](url`. */
export const NESTED_LINK_TARGET = /\)\]\(\s{0,5}<?([^\s)>]{1,4000})/g;
/** Markdown reference definition: `[id]: url`, usable by both images and links. */
export const MARKDOWN_REFERENCE = /^ {0,3}\[[^\]\n]{1,200}\]:\s{0,5}<?([^\s>]{1,4000})/gm;
/**
 * An HTML element that fetches or links a URL, and the URL attribute. `[^<>]` keeps every match
 * inside one tag, so the scan is linear.
 */
export const HTML_URL_TAG =
  /<\s{0,5}(img|a|iframe|frame|source|video|audio|link|form|object|embed|image|input|body|table|td|script|track)\b[^<>]{0,2000}?\b(src|href|srcset|background|poster|data|action|xlink:href)\s{0,5}=\s{0,5}("[^"<>]{0,4000}"|'[^'<>]{0,4000}'|[^\s<>]{1,4000})/gi;
/** A bare http(s) URL in prose, which many renderers turn into a link. */
export const BARE_URL = /\bhttps?:\/\/[^\s<>"'`)\]]{1,4000}/gi;

export type Carrier = "markdown-image" | "markdown-link" | "html-tag" | "data-in-url";

export interface UrlCarrier {
  readonly carrier: Carrier;
  /** whether rendering fetches the URL with no click (images, frames, media) */
  readonly zeroClick: boolean;
  readonly url: string;
  /** span of the whole construct in the text */
  readonly start: number;
  readonly end: number;
}

const ZERO_CLICK_TAGS: ReadonlySet<string> = new Set([
  "img",
  "iframe",
  "frame",
  "source",
  "video",
  "audio",
  "link",
  "object",
  "embed",
  "image",
  "input",
  "body",
  "table",
  "td",
  "script",
  "track",
]);

function unquote(value: string): string {
  return value.replace(/^["']|["']$/g, "");
}

/** Every URL carrier outside code blocks (optionally), images first. Linear in the text length. */
export function findCarriers(text: string, ignoreCodeBlocks: boolean, maxCarriers: number): UrlCarrier[] {
  const code = ignoreCodeBlocks ? codeRanges(text) : [];
  const carriers: UrlCarrier[] = [];
  const taken = new Set<number>();
  const add = (carrier: Omit<UrlCarrier, "url">, url: string, urlStart: number) => {
    if (
      carriers.length >= maxCarriers ||
      taken.has(urlStart) ||
      insideRanges(code, carrier.start, carrier.end)
    )
      return;
    taken.add(urlStart);
    carriers.push({ ...carrier, url });
  };
  const scan = (pattern: RegExp, visit: (match: RegExpExecArray) => void) => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) visit(match);
  };
  const groupStart = (match: RegExpExecArray, group: string) => match.index + match[0].length - group.length;
  scan(MARKDOWN_IMAGE, (match) => {
    const url = match[1] ?? "";
    add(
      { carrier: "markdown-image", zeroClick: true, start: match.index, end: match.index + match[0].length },
      url,
      groupStart(match, url),
    );
  });
  scan(HTML_URL_TAG, (match) => {
    const raw = match[3] ?? "";
    const tag = (match[1] ?? "").toLowerCase();
    add(
      {
        carrier: "html-tag",
        zeroClick: ZERO_CLICK_TAGS.has(tag),
        start: match.index,
        end: match.index + match[0].length,
      },
      unquote(raw),
      groupStart(match, raw) + (raw.startsWith('"') || raw.startsWith("'") ? 1 : 0),
    );
  });
  for (const pattern of [MARKDOWN_LINK, NESTED_LINK_TARGET, MARKDOWN_REFERENCE]) {
    scan(pattern, (match) => {
      const url = match[1] ?? "";
      add(
        {
          carrier: "markdown-link",
          zeroClick: false,
          start: match.index,
          end: match.index + match[0].length,
        },
        url,
        groupStart(match, url),
      );
    });
  }
  scan(BARE_URL, (match) => {
    add(
      { carrier: "data-in-url", zeroClick: false, start: match.index, end: match.index + match[0].length },
      match[0],
      match.index,
    );
  });
  return carriers;
}
