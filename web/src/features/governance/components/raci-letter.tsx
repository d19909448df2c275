import { type RaciLetter, raciMeaning } from "../lib/raci";

/** A RACI cell's letter, with its meaning for screen readers; an empty cell says "none". */
export function RaciLetterView({ letter }: { letter: string | undefined }) {
  if (letter === undefined)
    return (
      <>
        <span aria-hidden="true" className="text-muted-foreground">
          ·
        </span>
        <span className="sr-only">none</span>
      </>
    );
  return (
    <>
      <span aria-hidden="true" className="font-semibold">
        {letter}
      </span>
      <span className="sr-only">{raciMeaning[letter as RaciLetter] ?? letter}</span>
    </>
  );
}
