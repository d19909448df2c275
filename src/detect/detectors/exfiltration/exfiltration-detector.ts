import { z } from "zod";
import { type Finding, type Severity, truncateExcerpt } from "../../../core/index.js";
import type { Detector, DetectorInstance, ScanContext } from "../../detector.js";
import { type ConversationIndex, indexConversation, overlapWithConversation } from "./conversation-data.js";
import { findCarriers, type UrlCarrier } from "./url-carriers.js";
import { decodeBase64Text, hostAllowed, looksEncoded, looksEncodedHost, splitUrl } from "./url-signals.js";

export const exfiltrationOptionsSchema = z.object({
  /** domains (and their subdomains) that output may link or embed freely; empty = no allowlist */
  allowedDomains: z.array(z.string().min(1).max(253)).max(1000).default([]),
  /** skip Markdown code blocks and inline code, which renderers do not fetch */
  ignoreCodeBlocks: z.boolean().default(true),
  /** query strings longer than this count as carrying data */
  maxQueryLength: z.number().int().min(16).default(150),
  /** conversation words in an image or frame URL that count as leaked data */
  minConversationWordsZeroClick: z.number().int().min(1).default(3),
  /** conversation words in a link URL that count as leaked data (links need a click) */
  minConversationWordsLink: z.number().int().min(1).default(5),
  /** at most this many URLs are analysed per scan */
  maxUrls: z.number().int().min(1).max(10_000).default(200),
});
export type ExfiltrationOptions = z.infer<typeof exfiltrationOptionsSchema>;

type Reason = "conversation-data" | "encoded-data" | "long-query" | "off-allowlist";

interface Assessment {
  readonly reasons: readonly Reason[];
  readonly host: string;
}

function assess(
  carrier: UrlCarrier,
  options: ExfiltrationOptions,
  conversation: ConversationIndex,
): Assessment | undefined {
  const parts = splitUrl(carrier.url);
  if (parts === undefined) return undefined;
  if (options.allowedDomains.length > 0 && hostAllowed(parts.host, options.allowedDomains)) return undefined;
  // a URL that the user or the system prompt supplied is echoed, not exfiltrated
  if (conversation.raw.includes(carrier.url)) return undefined;
  const reasons: Reason[] = [];
  const decodedValues = [...parts.values];
  let encoded = false;
  if (looksEncodedHost(parts.host)) encoded = true;
  for (const value of parts.values) {
    if (!looksEncoded(value)) continue;
    encoded = true;
    const decoded = decodeBase64Text(value);
    if (decoded !== undefined) decodedValues.push(decoded);
  }
  const overlap = overlapWithConversation(decodedValues, conversation);
  const wordThreshold = carrier.zeroClick
    ? options.minConversationWordsZeroClick
    : options.minConversationWordsLink;
  if (overlap.secretTokens > 0 || overlap.words >= wordThreshold) reasons.push("conversation-data");
  if (encoded) reasons.push("encoded-data");
  if (parts.queryLength > options.maxQueryLength) reasons.push("long-query");
  if (reasons.length === 0 && options.allowedDomains.length > 0 && carrier.carrier !== "data-in-url")
    reasons.push("off-allowlist");
  return reasons.length === 0 ? undefined : { reasons, host: parts.host };
}

function scoreFor(carrier: UrlCarrier, reasons: readonly Reason[]): [number, Severity] {
  const carriesData = reasons.some((reason) => reason !== "off-allowlist");
  if (reasons.includes("conversation-data")) return carrier.zeroClick ? [0.97, "critical"] : [0.9, "high"];
  if (carriesData) return carrier.zeroClick ? [0.85, "high"] : [0.7, "medium"];
  return carrier.zeroClick ? [0.6, "medium"] : [0.5, "low"];
}

function createExfiltration(options: ExfiltrationOptions): DetectorInstance {
  return {
    detect(text: string, context: ScanContext): Finding[] {
      const conversation = indexConversation([...(context.conversation ?? []), context.systemPrompt ?? ""]);
      const findings: Finding[] = [];
      for (const carrier of findCarriers(text, options.ignoreCodeBlocks, options.maxUrls)) {
        const assessment = assess(carrier, options, conversation);
        if (assessment === undefined) continue;
        // a bare URL is reported only when it carries data
        if (
          carrier.carrier === "data-in-url" &&
          assessment.reasons.every((reason) => reason === "long-query")
        )
          continue;
        const [score, severity] = scoreFor(carrier, assessment.reasons);
        findings.push({
          detector: "exfiltration",
          category: "exfiltration",
          rule: carrier.carrier,
          type: assessment.reasons[0],
          start: carrier.start,
          end: carrier.end,
          score,
          severity,
          excerpt: truncateExcerpt(`${carrier.carrier} -> ${assessment.host}`, 80),
          message: `${carrier.zeroClick ? "auto-loaded" : "linked"} URL to ${assessment.host}: ${assessment.reasons.join(", ")}`,
        });
      }
      return findings.sort((left, right) => left.start - right.start || left.end - right.end);
    },
  };
}

export const exfiltrationDetector: Detector<ExfiltrationOptions> = {
  id: "exfiltration",
  category: "exfiltration",
  appliesTo: ["output"],
  description:
    "Markdown or HTML URLs in the output that carry conversation data or encoded data to a third party.",
  optionsSchema: exfiltrationOptionsSchema,
  create: createExfiltration,
};
