import type { Language } from "./pools.js";

/**
 * Sentence templates per language. Slots: {PERSON} {CITY} {COUNTRY} {STREET} {PHONE} {IBAN}
 * {EMAIL} {CARD}. CITY, COUNTRY and STREET are scored as LOCATION. Some templates carry no
 * personal data at all (false-positive checks), some carry numbers that must not be found.
 */
export const TEMPLATES: Record<Language, readonly string[]> = {
  en: [
    "Hi, my name is {PERSON} and I live in {CITY}.",
    "Please send the contract to {PERSON}, {STREET}, {CITY}.",
    "You can reach me on {PHONE} or at {EMAIL}.",
    "Transfer the deposit to {IBAN} before Friday.",
    "{PERSON} moved to {COUNTRY} last year.",
    "Charge my card {CARD} for the renewal, thanks.",
    "Mr. {PERSON} will arrive in {CITY} on Monday.",
    "Our order 48213377 shipped with version 2.4.1 of the firmware.",
    "Can you summarise the meeting notes from Tuesday?",
    "Dear {PERSON}, your appointment is confirmed.",
  ],
  de: [
    "Hallo, ich heiße {PERSON} und wohne in {CITY}.",
    "Bitte schicken Sie die Unterlagen an {PERSON}, {STREET}, {CITY}.",
    "Sie erreichen mich unter {PHONE} oder per E-Mail an {EMAIL}.",
    "Überweisen Sie die Kaution bitte auf {IBAN}.",
    "{PERSON} ist letztes Jahr nach {COUNTRY} gezogen.",
    "Belasten Sie meine Kreditkarte {CARD} für die Verlängerung.",
    "Frau {PERSON} kommt am Montag nach {CITY}.",
    "Die Bestellung 48213377 wurde mit Version 2.4.1 ausgeliefert.",
    "Kannst du die Notizen vom Dienstag zusammenfassen?",
    "Sehr geehrter Herr {PERSON}, Ihr Termin ist bestätigt.",
  ],
  fr: [
    "Bonjour, je m'appelle {PERSON} et j'habite à {CITY}.",
    "Merci d'envoyer le contrat à {PERSON}, {STREET}, {CITY}.",
    "Vous pouvez me joindre au {PHONE} ou par courriel à {EMAIL}.",
    "Virez la caution sur le compte {IBAN} avant vendredi.",
    "{PERSON} a déménagé en {COUNTRY} l'an dernier.",
    "Débitez ma carte {CARD} pour le renouvellement.",
    "Mme {PERSON} arrivera à {CITY} lundi.",
    "La commande 48213377 a été livrée avec la version 2.4.1.",
    "Peux-tu résumer les notes de la réunion de mardi ?",
    "Cher {PERSON}, votre rendez-vous est confirmé.",
  ],
  es: [
    "Hola, me llamo {PERSON} y vivo en {CITY}.",
    "Por favor envíe el contrato a {PERSON}, {STREET}, {CITY}.",
    "Puede llamarme al {PHONE} o escribirme a {EMAIL}.",
    "Transfiera la fianza a la cuenta {IBAN} antes del viernes.",
    "{PERSON} se mudó a {COUNTRY} el año pasado.",
    "Cargue mi tarjeta {CARD} para la renovación.",
    "La Sra. {PERSON} llegará a {CITY} el lunes.",
    "El pedido 48213377 se envió con la versión 2.4.1.",
    "¿Puedes resumir las notas de la reunión del martes?",
    "Estimado {PERSON}, su cita está confirmada.",
  ],
};
