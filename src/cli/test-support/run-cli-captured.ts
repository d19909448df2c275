import { runCli } from "../main.js";
import type { CliIo } from "../program.js";

export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with the given arguments and returns its exit code and what it wrote. */
export async function runCliCaptured(argv: string[], stdin = ""): Promise<CapturedRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => stdin,
    isTty: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
