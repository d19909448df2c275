import { describe, expect, it } from "vitest";
import { cardIssuer, ibanValid, luhnValid, ssnValid } from "./checksums.js";
import {
  BIRTH_CONTEXT,
  CARD_CANDIDATE,
  DATE_VALUE,
  EMAIL_DOMAIN,
  EMAIL_LOCAL_CHAR,
  IBAN_CANDIDATE,
  IPV4_CANDIDATE,
  IPV6_CANDIDATE,
  PASSPORT_VALUE,
  SSN_FORMATTED,
  SSN_UNFORMATTED,
  URL_CANDIDATE,
  VERSION_PREFIX,
} from "./patterns.js";
import {
  ADDRESS_ENGLISH,
  ADDRESS_FRENCH,
  ADDRESS_GERMAN,
  ADDRESS_GERMAN_SEPARATE,
  ADDRESS_NUMBERED,
  ADDRESS_PORTUGUESE_ITALIAN,
  ADDRESS_SPANISH,
  ADDRESS_UNIT,
  HINT_ENGLISH,
  HINT_FRENCH,
  HINT_GERMAN,
  HINT_NUMBERED,
  HINT_PORTUGUESE_ITALIAN,
  HINT_SPANISH,
  HINT_UNIT,
} from "./recognize-address.js";
import { CAPITALISED_WORD, precededByPhrase, tokenize } from "./tokens.js";

/** All matches of a global pattern, as strings. */
function all(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((match) => match[0]);
}

describe("pii patterns", () => {
  it("EMAIL_DOMAIN and EMAIL_LOCAL_CHAR", () => {
    EMAIL_DOMAIN.lastIndex = 5;
    expect(EMAIL_DOMAIN.exec("jane@mail.example.org.")?.[0]).toBe("mail.example.org");
    expect(EMAIL_LOCAL_CHAR.test("+")).toBe(true);
    expect(EMAIL_LOCAL_CHAR.test(" ")).toBe(false);
  });

  it("URL_CANDIDATE", () => {
    expect(all(URL_CANDIDATE, "see https://a.example/x?y=1 and www.example.org.")).toEqual([
      "https://a.example/x?y=1",
      "www.example.org.",
    ]);
  });

  it("CARD_CANDIDATE: 12-19 digits with one kind of grouping, not inside longer numbers", () => {
    expect(all(CARD_CANDIDATE, "4111 1111 1111 1111 and 4111-1111-1111-1111")).toHaveLength(2);
    expect(all(CARD_CANDIDATE, "12345678901")).toEqual([]);
    expect(all(CARD_CANDIDATE, "1.4111111111111111")).toEqual([]);
  });

  it("IBAN_CANDIDATE", () => {
    expect(all(IBAN_CANDIDATE, "to DE89 3704 0044 0532 0130 00.")).toEqual(["DE89 3704 0044 0532 0130 00"]);
    expect(all(IBAN_CANDIDATE, "de89370400440532013000")).toEqual([]);
  });

  it("SSN_FORMATTED and SSN_UNFORMATTED", () => {
    expect(all(SSN_FORMATTED, "536-22-8471 536 22 8471 536-22 8471")).toEqual(["536-22-8471", "536 22 8471"]);
    expect(all(SSN_UNFORMATTED, "536228471 1536228471")).toEqual(["536228471"]);
  });

  it("IPV4_CANDIDATE, VERSION_PREFIX and IPV6_CANDIDATE", () => {
    expect(all(IPV4_CANDIDATE, "10.0.0.1 1.3.6.1.4.1 10.0.0.1.")).toEqual(["10.0.0.1", "10.0.0.1"]);
    expect(VERSION_PREFIX.test("version ")).toBe(true);
    expect(VERSION_PREFIX.test("server ")).toBe(false);
    expect(all(IPV6_CANDIDATE, "at 2001:db8::1 and fe80::1%")).toEqual(["2001:db8::1", "fe80::1"]);
  });

  it("PASSPORT_VALUE", () => {
    expect(all(PASSPORT_VALUE, "X12345678 12AB34567 C01X00T47 123456789 AB12")).toEqual([
      "X12345678",
      "12AB34567",
      "C01X00T47",
      "123456789",
    ]);
  });

  it("BIRTH_CONTEXT and DATE_VALUE in four languages", () => {
    expect(all(BIRTH_CONTEXT, "born, DOB, née, geboren, nacida, fecha de nacimiento")).toHaveLength(6);
    expect(all(BIRTH_CONTEXT, "reborn unborn")).toEqual([]);
    expect(
      all(
        DATE_VALUE,
        "1990-04-03, 3/4/90, 12 March 1985, March 12, 1985, 1. März 1980, 3 juin 1990, 12 de mayo de 1985",
      ),
    ).toHaveLength(7);
  });

  it("address patterns and their hints", () => {
    expect(all(ADDRESS_ENGLISH, "at 221B Baker Street.")).toEqual(["221B Baker Street"]);
    expect(all(ADDRESS_GERMAN, "in der Hauptstraße 5a wohnen")).toEqual(["Hauptstraße 5a"]);
    expect(all(ADDRESS_GERMAN_SEPARATE, "Berliner Straße 12")).toEqual(["Berliner Straße 12"]);
    expect(all(ADDRESS_FRENCH, "au 12 rue de la Paix")).toEqual(["12 rue de la Paix"]);
    expect(all(ADDRESS_SPANISH, "en la Calle de Alcalá 42")).toEqual(["Calle de Alcalá 42"]);
    expect(all(ADDRESS_NUMBERED, "28245 Puruntie 82")).toEqual(["28245 Puruntie 82"]);
    expect(all(ADDRESS_PORTUGUESE_ITALIAN, "at Rua do Arenque 1634, Goiânia")).toEqual([
      "Rua do Arenque 1634",
    ]);
    expect(all(HINT_PORTUGUESE_ITALIAN, "Via Roma")).toEqual(["Via "]);
    expect(all(ADDRESS_UNIT, "Apt. 595 and Suite 12")).toEqual(["Apt. 595", "Suite 12"]);
    expect(all(HINT_ENGLISH, "Baker Street")).toEqual(["Street"]);
    expect(all(HINT_GERMAN, "Hauptstraße 5")).toEqual(["straße 5"]);
    expect(all(HINT_FRENCH, "rue de")).toEqual(["rue "]);
    expect(all(HINT_SPANISH, "Calle Mayor")).toEqual(["Calle "]);
    expect(all(HINT_NUMBERED, "28245 Puruntie")).toEqual(["28245 P"]);
    expect(all(HINT_UNIT, "Suite 3")).toEqual(["Suite"]);
  });

  it("CAPITALISED_WORD, tokenize and precededByPhrase", () => {
    expect(all(CAPITALISED_WORD, "Jean-Luc O'Brien iPhone Šárka")).toEqual([
      "Jean-Luc",
      "O'Brien",
      "Phone",
      "Šárka",
    ]);
    expect(
      tokenize("Jean-Luc iPhone NASA").map((token) => [token.text, token.capitalised, token.allCaps]),
    ).toEqual([
      ["Jean-Luc", true, false],
      ["NASA", false, true],
    ]);
    const text = "Hello, my name is  Anna";
    expect(precededByPhrase(text, text.indexOf("Anna"), new Set(["my name is"]))).toBe(true);
    expect(precededByPhrase("name Xis Anna", 9, new Set(["my name is"]))).toBe(false);
  });
});

describe("checksums", () => {
  it("luhnValid", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("")).toBe(false);
  });

  it("cardIssuer checks prefix ranges and lengths", () => {
    expect(cardIssuer("4111111111111111")).toBe("visa");
    expect(cardIssuer("2221000000000009")).toBe("mastercard");
    expect(cardIssuer("378282246310005")).toBe("amex");
    expect(cardIssuer("3528000000000007")).toBe("jcb");
    expect(cardIssuer("3598000000000000")).toBeUndefined();
    expect(cardIssuer("37828224631000")).toBeUndefined();
  });

  it("ibanValid checks the country length and mod-97", () => {
    expect(ibanValid("DE89370400440532013000")).toBe(true);
    expect(ibanValid("GB82WEST12345698765432")).toBe(true);
    expect(ibanValid("DE8937040044053201300")).toBe(false);
    expect(ibanValid("DE89370400440532013001")).toBe(false);
    expect(ibanValid("ZZ89370400440532013000")).toBe(false);
  });

  it("ssnValid applies area, group and serial rules", () => {
    expect(ssnValid("536228471")).toBe(true);
    for (const invalid of [
      "000228471",
      "666228471",
      "936228471",
      "536008471",
      "536220000",
      "078051120",
      "53622847",
    ]) {
      expect(ssnValid(invalid), invalid).toBe(false);
    }
  });
});
