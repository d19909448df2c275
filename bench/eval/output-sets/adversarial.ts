/** 100 KB inputs built to stress the output detectors' patterns (ReDoS guard for the benchmarks). */
export function adversarialInputs(): string[] {
  const size = 100_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return [
    fill("<a "),
    fill("!["),
    fill("]("),
    fill("[a](https://x.example/?q=aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW) "),
    fill("rm -r "),
    fill("curl a"),
    fill("DAN: "),
    fill("I have no "),
    fill("You are Nova support "),
    fill("r c - c a n a r y "),
    fill("\uD800a"),
    fill("`"),
  ];
}
