import { z } from "zod";
import { type Finding, type Severity, truncateExcerpt } from "../../../core/index.js";
import type { Detector, DetectorInstance } from "../../detector.js";
import {
  CHMOD_ROOT_TARGET,
  COMMAND_PATTERNS,
  type CommandRule,
  CREDENTIAL_PATH,
  DOWNLOAD_PIPED_TO_SHELL,
  MAX_LINE_CHARS,
  NETWORK_SEND,
  POWERSHELL_DOWNLOAD_EXEC,
  READ_COMMAND,
  RM_RECURSIVE_FLAG,
  RM_ROOT_TARGET,
  SHELL_OF_DOWNLOAD,
  WARNING_CONTEXT,
} from "./command-patterns.js";
import { DEFAULT_TRUSTED_INSTALLERS, isTrustedInstaller } from "./trusted-installers.js";

export const dangerousCommandOptionsSchema = z.object({
  /** hosts (optionally with a path prefix) whose installers may be piped into a shell; replaces the default list */
  trustedInstallers: z
    .array(z.string().min(1).max(300))
    .max(1000)
    .default([...DEFAULT_TRUSTED_INSTALLERS]),
  /** entries added to trustedInstallers */
  additionalTrustedInstallers: z.array(z.string().min(1).max(300)).max(1000).default([]),
  /** score given to a command that a warning on the same line tells the reader not to run */
  warningScore: z.number().min(0).max(1).default(0.3),
  /** findings scored below this are not reported (the policy acts on every reported finding) */
  minScore: z.number().min(0).max(1).default(0.5),
  /** at most this many findings per scan */
  maxFindings: z.number().int().min(1).max(1000).default(50),
});
export type DangerousCommandOptions = z.infer<typeof dangerousCommandOptionsSchema>;

interface LineMatch {
  readonly rule: CommandRule;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly severity: Severity;
}

function at(
  match: RegExpExecArray | null,
  rule: CommandRule,
  score: number,
  severity: Severity,
): LineMatch | undefined {
  return match === null
    ? undefined
    : { rule, start: match.index, end: match.index + match[0].length, score, severity };
}

/** All dangerous commands on one line, spans relative to the line. */
function scanLine(line: string, trusted: readonly string[]): LineMatch[] {
  const found: LineMatch[] = [];
  const push = (match: LineMatch | undefined) => {
    if (match !== undefined) found.push(match);
  };
  const remove = RM_ROOT_TARGET.exec(line);
  if (remove !== null && RM_RECURSIVE_FLAG.test(remove[1] ?? "")) {
    const target = (remove[2] ?? "").replace(/"/g, "");
    const wildcardOnly = target === "*" || target === "./*";
    push(at(remove, "recursive-delete", wildcardOnly ? 0.7 : 0.97, wildcardOnly ? "high" : "critical"));
  }
  push(at(CHMOD_ROOT_TARGET.exec(line), "insecure-permissions", 0.85, "high"));
  for (const pattern of [DOWNLOAD_PIPED_TO_SHELL, SHELL_OF_DOWNLOAD]) {
    const match = pattern.exec(line);
    if (match !== null && !isTrustedInstaller(match[1] ?? match[2] ?? "", trusted))
      push(at(match, "pipe-to-shell", 0.85, "high"));
  }
  const powershell = POWERSHELL_DOWNLOAD_EXEC.exec(line);
  if (powershell !== null && !isTrustedInstaller(powershell[0], trusted))
    push(at(powershell, "download-exec", 0.9, "high"));
  const credential = CREDENTIAL_PATH.exec(line);
  if (credential !== null && READ_COMMAND.test(line.slice(0, credential.index + credential[0].length))) {
    const sends = NETWORK_SEND.test(line);
    const start = line.search(READ_COMMAND);
    const end = credential.index + credential[0].length;
    found.push(
      sends
        ? {
            rule: "credential-exfiltration",
            start: Math.min(start, credential.index),
            end: line.length,
            score: 0.97,
            severity: "critical",
          }
        : {
            rule: "credential-access",
            start: Math.min(start, credential.index),
            end,
            score: 0.8,
            severity: "high",
          },
    );
  }
  for (const entry of COMMAND_PATTERNS) {
    if (found.some((match) => match.rule === entry.rule)) continue;
    push(at(entry.pattern.exec(line), entry.rule, entry.score, entry.severity));
  }
  return found;
}

/** A shell line continuation: a backslash at the end of a line. */
export const LINE_CONTINUATION = /\\\r?\n/g;

function createDangerousCommand(options: DangerousCommandOptions): DetectorInstance {
  const trusted = [...options.trustedInstallers, ...options.additionalTrustedInstallers];
  return {
    detect(original: string): Finding[] {
      // continuation lines ("\" then a newline) become one line; same length, so spans stay valid
      const text = original.replace(LINE_CONTINUATION, (match) => " ".repeat(match.length));
      const findings: Finding[] = [];
      let lineStart = 0;
      while (lineStart <= text.length && findings.length < options.maxFindings) {
        const newline = text.indexOf("\n", lineStart);
        const lineEnd = newline < 0 ? text.length : newline;
        // very long lines are scanned in overlapping chunks so that work per chunk stays bounded
        for (let chunkStart = lineStart; chunkStart < lineEnd; chunkStart += MAX_LINE_CHARS - 200) {
          const line = text.slice(chunkStart, Math.min(lineEnd, chunkStart + MAX_LINE_CHARS));
          for (const match of scanLine(line, trusted)) {
            const warned = WARNING_CONTEXT.test(line.slice(Math.max(0, match.start - 80), match.start));
            if ((warned ? Math.min(match.score, options.warningScore) : match.score) < options.minScore)
              continue;
            const start = chunkStart + match.start;
            if (findings.some((finding) => finding.start === start && finding.rule === match.rule)) continue;
            findings.push({
              detector: "dangerous-command",
              category: "dangerous-command",
              rule: match.rule,
              start,
              end: chunkStart + match.end,
              score: warned ? Math.min(match.score, options.warningScore) : match.score,
              severity: warned ? "low" : match.severity,
              excerpt: truncateExcerpt(line.slice(match.start, match.end), 80),
              ...(warned ? { message: "mentioned after a warning not to run it" } : {}),
            });
          }
          if (chunkStart + MAX_LINE_CHARS >= lineEnd) break;
        }
        if (newline < 0) break;
        lineStart = newline + 1;
      }
      return findings
        .slice(0, options.maxFindings)
        .sort((left, right) => left.start - right.start || left.end - right.end);
    },
  };
}

export const dangerousCommandDetector: Detector<DangerousCommandOptions> = {
  id: "dangerous-command",
  category: "dangerous-command",
  appliesTo: ["output"],
  description:
    "Destructive or remote-execution shell and PowerShell commands: root deletes, disk wipes, fork bombs, pipes from unknown hosts into a shell, credential theft, reverse shells, disabling security.",
  optionsSchema: dangerousCommandOptionsSchema,
  create: createDangerousCommand,
};
