import { DOWNLOAD_URL } from "./command-patterns.js";

/**
 * Official installers that their vendors document as "download and pipe to a shell". Each entry is
 * a host, optionally followed by a path prefix. They are trusted only over https (plain http or
 * any other host is reported). Operators replace or extend the list with options.
 */
export const DEFAULT_TRUSTED_INSTALLERS: readonly string[] = [
  "sh.rustup.rs",
  "get.docker.com",
  "bun.sh/install",
  "astral.sh/uv/",
  "astral.sh/ruff/",
  "deno.land/install.sh",
  "deno.land/x/install/",
  "raw.githubusercontent.com/nvm-sh/nvm/",
  "raw.githubusercontent.com/Homebrew/install/",
  "raw.githubusercontent.com/ohmyzsh/ohmyzsh/",
  "raw.githubusercontent.com/helm/helm/",
  "deb.nodesource.com/",
  "rpm.nodesource.com/",
  "install.python-poetry.org",
  "ollama.com/install.sh",
  "get.pnpm.io/install.sh",
  "tailscale.com/install.sh",
  "get.k3s.io",
  "sdk.cloud.google.com",
  "get.sdkman.io",
  "install.determinate.systems/nix",
  "starship.rs/install.sh",
  "fnm.vercel.app/install",
  "pyenv.run",
  "get.scoop.sh",
  "community.chocolatey.org/install.ps1",
  "chocolatey.org/install.ps1",
];

/** The URL a download command fetches: the first one with a scheme, else the first bare host. */
export function downloadTarget(
  download: string,
): { secure: boolean; host: string; path: string } | undefined {
  const pattern = new RegExp(DOWNLOAD_URL.source, "gi");
  let fallback: RegExpExecArray | undefined;
  for (let match = pattern.exec(download); match !== null; match = pattern.exec(download)) {
    if (/^https?:\/\//i.test(match[0])) return toTarget(match);
    fallback ??= match;
  }
  return fallback === undefined ? undefined : toTarget(fallback);
}

function toTarget(match: RegExpExecArray): { secure: boolean; host: string; path: string } {
  return {
    secure: !/^http:\/\//i.test(match[0]),
    host: (match[1] ?? "").toLowerCase(),
    path: match[2] ?? "",
  };
}

/** True when the download part names a trusted installer over https. */
export function isTrustedInstaller(download: string, trusted: readonly string[]): boolean {
  const target = downloadTarget(download);
  if (target === undefined || !target.secure) return false;
  return trusted.some((entry) => {
    const slash = entry.indexOf("/");
    const entryHost = (slash < 0 ? entry : entry.slice(0, slash)).toLowerCase();
    const entryPath = slash < 0 ? "" : entry.slice(slash);
    return target.host === entryHost && target.path.startsWith(entryPath);
  });
}
