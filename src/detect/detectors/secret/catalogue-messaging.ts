import { ASSIGNMENT, type SecretFormat } from "./secret-format.js";

/** Chat, messaging, e-mail and webhook credentials. */
export const messagingFormats: readonly SecretFormat[] = [
  {
    id: "slack-token",
    description:
      "Slack bot, user, app-level, workspace, legacy and configuration tokens (xoxb-, xoxp-, xoxa-, xoxo-, xoxs-, xoxr-, xoxe-, xapp-).",
    pattern:
      /\b(?<secret>xox[bpoasr]-(?:\d{1,2}-)?\d{8,14}(?:-\d{8,14}){0,3}-[A-Za-z0-9]{8,64}|xoxe(?:\.xox[bp])?-\d-[A-Za-z0-9]{40,250}|xapp-\d-[A-Z0-9]{9,12}-\d{10,14}-[a-f0-9]{32,80})\b/dg,
    keywords: ["xox", "xapp-"],
    minEntropy: 3,
    severity: "critical",
    score: 0.9,
  },
  {
    id: "slack-webhook-url",
    description: "Slack incoming webhook or workflow trigger URL.",
    pattern:
      /(?<secret>https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,120})/dg,
    keywords: ["hooks.slack.com"],
    severity: "high",
    score: 0.95,
  },
  {
    id: "discord-webhook-url",
    description: "Discord webhook URL with its token.",
    pattern:
      /(?<secret>https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,70})/dg,
    keywords: ["discord"],
    severity: "high",
    score: 0.95,
  },
  {
    id: "discord-bot-token",
    description: "Discord bot token: base64 user id, timestamp and HMAC parts separated by dots.",
    pattern: /\b(?<secret>[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})\b/dg,
    keywords: ["."],
    minEntropy: 4,
    severity: "high",
    score: 0.8,
  },
  {
    id: "telegram-bot-token",
    description: "Telegram Bot API token (bot id, colon, AA + 33 characters).",
    pattern: /\b(?<secret>\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/dg,
    keywords: [":aa"],
    severity: "high",
    score: 0.9,
  },
  {
    id: "twilio-api-key",
    description: "Twilio API key SID (SK + 32 hex) and auth token assigned to a twilio key name.",
    pattern: new RegExp(
      String.raw`\b(?<secret>SK[0-9a-fA-F]{32})\b|twilio[A-Za-z_]{0,20}${ASSIGNMENT}(?<secret2>[a-f0-9]{32})\b`,
      "dgi",
    ),
    keywords: ["sk", "twilio"],
    minEntropy: 3,
    severity: "high",
    score: 0.85,
  },
  {
    id: "sendgrid-api-key",
    description: "SendGrid API key (SG. + 22 + . + 43 characters).",
    pattern: /\b(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/dg,
    keywords: ["sg."],
    severity: "high",
    score: 0.95,
  },
  {
    id: "mailgun-api-key",
    description: "Mailgun private API key (key- + 32 hex) and signing keys assigned to a mailgun key name.",
    pattern: new RegExp(
      String.raw`\b(?<secret>key-[a-f0-9]{32})\b|mailgun[A-Za-z_]{0,20}${ASSIGNMENT}(?<secret2>[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})\b`,
      "dgi",
    ),
    keywords: ["key-", "mailgun"],
    minEntropy: 3,
    severity: "high",
    score: 0.9,
  },
  {
    id: "mailchimp-api-key",
    description: "Mailchimp API key (32 hex + -us + data centre).",
    pattern: /\b(?<secret>[a-f0-9]{32}-us\d{1,2})\b/dg,
    keywords: ["-us"],
    minEntropy: 3,
    severity: "high",
    score: 0.85,
  },
];
