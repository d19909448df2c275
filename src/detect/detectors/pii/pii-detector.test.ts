import { describe, expect, it } from "vitest";
import { runDetectorConformance } from "../../conformance.js";
import { createScanContext } from "../../scan-context.js";
import { piiDetector } from "./pii-detector.js";
import { piiOptionsSchema } from "./pii-options.js";

function scan(text: string, options: unknown = {}) {
  const instance = piiDetector.create(piiOptionsSchema.parse(options));
  return instance.detect(text, createScanContext(text, { direction: "input" }));
}

/** "TYPE:value" for each finding, in text order. */
function found(text: string, options: unknown = {}): string[] {
  return scan(text, options)
    .sort((a, b) => a.start - b.start)
    .map((finding) => `${finding.type}:${text.slice(finding.start, finding.end)}`);
}

const positives = [
  "Write to jane.doe@example.org please",
  "Call me on +44 20 7946 0958 tomorrow",
  "My card is 4111 1111 1111 1111",
  "IBAN: DE89 3704 0044 0532 0130 00",
  "SSN 536-22-8471",
  "The server is at 192.168.10.24",
  "Visit https://intranet.example.com/profile?id=7",
  "Date of birth: 14/02/1987",
  "Passport number: X12345678",
  "My name is Laura Carvalho",
  "Ich wohne in der Hauptstraße 5, 10115 Berlin",
];

const negatives = [
  "Order number 4111111111111111 shipped yesterday",
  "ISBN 978-3-16-148410-0 is a book",
  "Upgrade to version 1.2.3.4 before Friday",
  "The build finished at 2024-03-05 14:11:22 UTC",
  "Request 123e4567-e89b-12d3-a456-426614174000 failed",
  "The number 4111111111111112 fails the Luhn check",
  "How do I sort a list in Python?",
  "Summarise the attached quarterly report in three bullet points.",
];

runDetectorConformance(piiDetector, {
  positives,
  negatives,
  adversarial: [
    "@".repeat(100_000),
    `${"a".repeat(60)}@`.repeat(1600),
    "1".repeat(100_000),
    "1 ".repeat(50_000),
    "+1-".repeat(33_000),
    "DE89 ".repeat(20_000),
    "Mr. Anna ".repeat(11_000),
    "born 12.12.1990 ".repeat(6000),
    "https://".repeat(12_000),
    "1:".repeat(50_000),
    "rue de ".repeat(14_000),
    "Hauptstraßestraße".repeat(6000),
  ],
});

describe("pii detector: structured identifiers", () => {
  it("finds e-mail, phone, card, IBAN, SSN, IP and URL with exact spans", () => {
    expect(found("jane.doe+tag@mail.example.co.uk.")).toEqual(["EMAIL:jane.doe+tag@mail.example.co.uk"]);
    expect(found("Tel: +33 1 42 68 53 00")).toEqual(["PHONE:+33 1 42 68 53 00"]);
    expect(found("Amex 3782 822463 10005 expires")).toEqual(["CREDIT_CARD:3782 822463 10005"]);
    expect(found("send to GB82 WEST 1234 5698 7654 32 today")).toEqual(["IBAN:GB82 WEST 1234 5698 7654 32"]);
    expect(found("ssn: 536228471")).toEqual(["US_SSN:536228471"]);
    expect(found("host 2001:db8::8a2e:370:7334 and 10.0.0.1")).toEqual([
      "IP_ADDRESS:2001:db8::8a2e:370:7334",
      "IP_ADDRESS:10.0.0.1",
    ]);
    expect(found("see https://example.com/a?b=1.")).toEqual(["URL:https://example.com/a?b=1"]);
  });

  it("rejects numbers that fail checksums or issuer and country rules", () => {
    expect(found("card 4111 1111 1111 1112")).toEqual([]);
    expect(found("card 9111 1111 1111 1111")).toEqual([]);
    expect(found("IBAN DE89 3704 0044 0532 0130 01")).toEqual([]);
    expect(found("IBAN XX89 3704 0044 0532 0130 00")).toEqual([]);
    expect(found("ssn 666-12-3456, 000-12-3456, 912-12-3456, 123-00-4567, 123-45-0000")).toEqual([]);
    expect(found("host 256.1.1.1")).toEqual([]);
  });

  it("does not report version strings, timestamps, UUIDs, ISBNs or order numbers", () => {
    expect(found("v1.2.3.4 and version 10.0.0.1 and build 2.3.4.5")).toEqual([]);
    expect(found("at 2020-06-20 14:11:22 and 20.06.2020")).toEqual([]);
    expect(found("id 123e4567-e89b-12d3-a456-426614174000")).toEqual([]);
    expect(found("ISBN 978-0-306-40615-7")).toEqual([]);
    expect(found("invoice 4111111111111111")).toEqual([]);
    expect(found("order 2125550123 shipped")).toEqual([]);
  });

  it("needs context for unformatted SSNs, passports and dates of birth", () => {
    expect(found("reference 536228471")).toEqual([]);
    expect(found("the meeting is on 14/02/1987")).toEqual([]);
    expect(found("born on 3 juin 1990")).toEqual(["DATE_OF_BIRTH:3 juin 1990"]);
    expect(found("Fecha de nacimiento: 12 de mayo de 1985")).toEqual(["DATE_OF_BIRTH:12 de mayo de 1985"]);
    expect(found("geboren am 1. März 1980")).toEqual(["DATE_OF_BIRTH:1. März 1980"]);
    expect(found("numéro de passeport 12AB34567")).toEqual(["PASSPORT:12AB34567"]);
    expect(found("code 12AB34567")).toEqual([]);
  });

  it("masks the excerpt", () => {
    const [finding] = scan("card 4111 1111 1111 1111");
    expect(finding?.excerpt).not.toContain("1111 1111 1111");
  });
});

describe("pii detector: names and places", () => {
  it("finds names after titles and introductions in four languages", () => {
    expect(found("Ms. Rennie flew in on Friday")).toEqual(["PERSON:Rennie"]);
    expect(found("Je m'appelle Pierre Dubois.")).toEqual(["PERSON:Pierre Dubois"]);
    expect(found("Me llamo José García López.")).toEqual(["PERSON:José García López"]);
    expect(found("Sehr geehrte Frau Müller,")).toEqual(["PERSON:Müller"]);
    expect(found("Please ask Sarah Johnson")).toEqual(["PERSON:Sarah Johnson"]);
  });

  it("does not take capitalised common words, months or weekdays for names", () => {
    expect(found("The Monday Meeting Agenda")).toEqual([]);
    expect(found("May I ask a question?")).toEqual([]);
  });

  it("finds places from the gazetteer, after introductions, and street addresses", () => {
    expect(found("We moved here from New Zealand")).toEqual(["LOCATION:New Zealand"]);
    expect(found("Je vis à Lyon depuis 2010")).toEqual(["LOCATION:Lyon"]);
    expect(found("I grew up in Springfield")).toEqual(["LOCATION:Springfield"]);
    expect(found("Ship to 1600 Pennsylvania Avenue")).toEqual(["LOCATION:1600 Pennsylvania Avenue"]);
    expect(found("Vivo en la Calle de Alcalá 42")).toEqual(["LOCATION:Calle de Alcalá 42"]);
    expect(found("Have a nice day")).toEqual([]);
    expect(found("Billing address:\n20789 Allika 46\nRiisa\nEstonia 62488")).toEqual([
      "LOCATION:20789 Allika 46",
      "LOCATION:Riisa",
      "LOCATION:Estonia",
    ]);
  });
});

describe("pii detector: options", () => {
  it("reports only the enabled types", () => {
    expect(found("jane@example.org 192.168.1.1", { types: ["IP_ADDRESS"] })).toEqual([
      "IP_ADDRESS:192.168.1.1",
    ]);
  });

  it("adds user-defined patterns with context, and deny-lists", () => {
    const options = {
      patterns: [{ type: "EMPLOYEE_ID", regex: "\\bEMP-\\d{6}\\b", score: 0.6, context: ["employee"] }],
      denyList: [{ type: "PROJECT", values: ["Project Bluebird"] }],
    };
    const findings = scan("employee EMP-123456 works on project bluebird", options);
    expect(findings.map((finding) => [finding.type, finding.score])).toEqual([
      ["EMPLOYEE_ID", 0.75],
      ["PROJECT", 1],
    ]);
  });

  it("never reports allow-listed values", () => {
    expect(found("write to support@example.org", { allowList: ["support@example.org"] })).toEqual([]);
  });

  it("rejects an invalid user pattern when options are parsed", () => {
    expect(piiOptionsSchema.safeParse({ patterns: [{ type: "X", regex: "[" }] }).success).toBe(false);
  });
});
